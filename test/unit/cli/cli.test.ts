import assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import type { CliDiagnostic } from '../../../server/src/cli/report';

const REPO = path.join(__dirname, '../../../..');

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(args, { cwd: REPO, out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('xen-nfs-boot check (CLI)', () => {
  it('prints path:line:col: severity: message [rule] for the example lab and exits 1 on errors', () => {
    const r = run(['check', 'examples/lab']);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.ok(
      lines.includes(
        'examples/lab/dom0/etc/xen/domu1:27:10: error: this string is delimited by a typographic quote (’ ‘ “ ”), probably copied from a web page: use \' or " [xen/typographic-quote]',
      ),
      r.out,
    );
    assert.match(lines[lines.length - 1], /^\d+ error\(s\), \d+ warning\(s\), \d+ note\(s\)$/);
  });

  it('reads an explicitly named xm config without a .cfg suffix as a Xen config, by its place', () => {
    const r = run(['check', 'examples/lab/dom0/etc/xen/domu1']);
    assert.doesNotMatch(r.out, /pxelinux\//);
    assert.ok(
      r.out.includes(
        "examples/lab/dom0/etc/xen/domu1:17:8: warning: the domain name 'domu1 ' has trailing white space",
      ),
      r.out,
    );
  });

  it('uses the topology file: xm hosts get xm semantics', () => {
    const r = run(['check', 'examples/lab', '--format', 'json']);
    const { diagnostics } = JSON.parse(r.out) as { diagnostics: CliDiagnostic[] };
    const vm01 = diagnostics.filter((d) => d.file === 'examples/lab/oldxen/etc/xen/vm01').map((d) => d.code);
    assert.ok(vm01.includes('xen/python-code'));
    assert.ok(!vm01.includes('xen/syntax'));
  });

  it('writes JSON with 0-based LSP ranges, sorted, with related locations', () => {
    const r = run(['check', 'examples/lab', '--format=json']);
    const { diagnostics } = JSON.parse(r.out) as { diagnostics: CliDiagnostic[] };
    const quote = diagnostics.find((d) => d.code === 'xen/typographic-quote');
    assert.deepEqual(quote?.range, { start: { line: 26, character: 9 }, end: { line: 26, character: 16 } });
    const dup = diagnostics.find((d) => d.code === 'xen/duplicate-mac');
    assert.equal(dup?.related.length, 1);
    const keys = diagnostics.map((d) => `${d.file}\u0000${String(d.range.start.line).padStart(6, '0')}`);
    assert.deepEqual(keys, [...keys].sort());
  });

  it('writes SARIF 2.1.0 with rules and 1-based regions', () => {
    const r = run(['check', 'examples/lab', '--format', 'sarif']);
    const log = JSON.parse(r.out) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
      }[];
    };
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0].tool.driver.rules.some((x) => x.id === 'xen/nfs-incomplete'));
    const quote = log.runs[0].results.find((x) => x.ruleId === 'xen/typographic-quote');
    assert.equal(quote?.locations[0].physicalLocation.region.startLine, 27);
  });

  it('--rule turns rules off and --max-warnings counts warnings', () => {
    const errorsOff = [
      'exports/unknown-option',
      'xen/typographic-quote',
      'xen/nfs-incomplete',
      'xen/duplicate-mac',
      'xen/vif',
      'cmdline/nfsroot-hostname',
      'xen/invalid-value',
      'kernel/ip-autoconfig-disabled',
      'nfs/root-not-exported',
      'net/ip-conflict',
    ];
    const args = ['check', 'examples/lab/dom0', ...errorsOff.flatMap((id) => ['--rule', `${id}=off`])];
    assert.equal(run(args).code, 0);
    const r = run([...args, '--max-warnings', '0']);
    assert.equal(r.code, 1);
    assert.match(r.err, /more than --max-warnings 0/);
  });

  it('exits 2 on bad usage or a missing path', () => {
    assert.equal(run(['check', '--format', 'xml']).code, 2);
    assert.equal(run(['lint']).code, 2);
    assert.equal(run(['check', 'no/such/folder']).code, 2);
    assert.equal(run(['check', '--rule', 'xen/vif=loud']).code, 2);
  });
});
