import assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import type { CliDiagnostic } from '../../../server/src/cli/report';

// A site with warnings and no errors; its xen-nfs-boot.json turns kernel/config-not-found off and keeps
// nfs/root-squash a warning, so the command line's precedence over the topology file shows.
const SITE = path.join(__dirname, '../../../../test/fixtures/cli/warnings-only');

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(['check', ...args], { cwd: SITE, out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function found(args: string[]): string[] {
  const r = run([...args, '--format', 'json']);
  const { diagnostics } = JSON.parse(r.out) as { diagnostics: CliDiagnostic[] };
  return diagnostics.map((d) => `${d.code} ${d.severity} ${d.file}:${d.range.start.line + 1}`);
}

describe('xen-nfs-boot check: --max-warnings and --rule', () => {
  it('exits 0 on warnings alone', () => {
    const r = run([]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(found([]), [
      'dhcp/unknown-statement warning etc/dhcp/dhcpd.conf:1',
      'nfs/root-squash warning etc/xen/domu1:6',
    ]);
  });

  it('--max-warnings N: exit 1 when there are more than N warnings, even without errors', () => {
    const over = run(['--max-warnings', '1']);
    assert.equal(over.code, 1);
    assert.equal(over.err, 'xen-nfs-boot: 2 warnings, more than --max-warnings 1\n');
    assert.match(over.out, /^0 error\(s\), 2 warning\(s\), 0 note\(s\)$/m);
    assert.equal(run(['--max-warnings=0']).code, 1);
    assert.equal(run(['--max-warnings', '2']).code, 0);
    assert.equal(run(['--max-warnings', '-1']).code, 0, 'ESLint: -1 means no limit');
  });

  it('--rule ID=off wins over the topology file (which says warning)', () => {
    assert.deepEqual(found(['--rule', 'nfs/root-squash=off']), [
      'dhcp/unknown-statement warning etc/dhcp/dhcpd.conf:1',
    ]);
    assert.equal(run(['--rule', 'nfs/root-squash=off', '--max-warnings', '1']).code, 0);
  });

  it('--rule ID=information turns on a rule the topology file turns off', () => {
    assert.ok(
      found(['--rule=kernel/config-not-found=information']).includes(
        'kernel/config-not-found information etc/xen/domu1:2',
      ),
    );
  });

  it('--rule ID=error makes a warning an error: exit 1, shown as error', () => {
    const r = run(['--rule', 'dhcp/unknown-statement=error']);
    assert.equal(r.code, 1);
    assert.ok(
      r.out.startsWith(
        "etc/dhcp/dhcpd.conf:1:1: error: 'authoritativ' is not a statement dhcpd knows: it reads it as an expression and does nothing; did you mean 'authoritative'? [dhcp/unknown-statement]\n",
      ),
      r.out,
    );
  });

  it('is repeatable; the last --rule for an ID counts', () => {
    assert.deepEqual(
      found([
        '--rule',
        'nfs/root-squash=off',
        '--rule',
        'dhcp/unknown-statement=hint',
        '--rule',
        'nfs/root-squash=error',
      ]),
      ['dhcp/unknown-statement hint etc/dhcp/dhcpd.conf:1', 'nfs/root-squash error etc/xen/domu1:6'],
    );
  });

  it('warns about an unknown rule ID but still checks', () => {
    const r = run(['--rule', 'nfs/no-such-rule=off']);
    assert.equal(r.code, 0);
    assert.match(r.err, /warning: unknown rule 'nfs\/no-such-rule' in --rule/);
  });

  it('exits 2 on a bad --max-warnings or --rule', () => {
    for (const bad of [
      ['--max-warnings', 'many'],
      ['--max-warnings', '-2'],
      ['--max-warnings'],
      ['--rule', 'nfs/root-squash'],
      ['--rule', 'nfs/root-squash=loud'],
      ['--rule', '=off'],
    ]) {
      const r = run(bad);
      assert.equal(r.code, 2, bad.join(' '));
      assert.match(r.err, /^xen-nfs-boot: .*\n\nUsage: xen-nfs-boot check/, bad.join(' '));
    }
  });

  it('documents both in --help', () => {
    let out = '';
    assert.equal(runCli(['--help'], { cwd: SITE, out: (s) => (out += s), err: () => undefined }), 0);
    assert.match(out, /--rule ID=SEVERITY +set a rule's severity: off, error, warning, information, hint/);
    assert.match(out, /wins over the topology file's "rules"/);
    assert.match(out, /--max-warnings N +exit 1 when there are more than N warnings, even without errors/);
    assert.match(out, /Exit status: 0 no errors \(and warnings within --max-warnings\), 1 errors found/);
  });
});
