import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/core/finding';
import { MAX_RELATED } from '../../../server/src/core/finding';
import { nearest } from '../../../server/src/core/text-distance';
import type { FormatId } from '../../../server/src/workspace/analysed-file';
import { Workspace } from '../../../server/src/workspace/workspace';
import { kconfigSections } from '../../../server/src/formats/kconfig/sections';
import { parseKconfig } from '../../../server/src/formats/kconfig/parser';
import { fuzzFormat } from '../../fuzz/formats';

/**
 * The root causes of the crashes and hangs the fuzzer found, one input each: what a user sees on a
 * pathological file (the diagnostics), not how long it takes (timings belong to `npm run bench`). The
 * inputs were minutes of work, or a stack overflow, before the fixes; mocha's timeout guards against a hang.
 */

const MB = 1_000_000;

function check(format: FormatId, text: string): Finding[] {
  const path = fuzzFormat(format).paths[0];
  const uri = `file:///ws/${path}`;
  const ws = new Workspace();
  ws.setFile(uri, path, text, 1, { format });
  const findings = ws.check().get(uri) ?? [];
  for (const f of findings)
    assert.ok(f.span.start >= 0 && f.span.end <= text.length, `${f.ruleId} at ${f.span.start}-${f.span.end}`);
  return findings;
}

function only(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

describe('pathological inputs found by the fuzzer', function () {
  this.timeout(30_000);

  describe('a 1 MB unknown word: reported once, with no "did you mean" (nearest() skips far lengths)', () => {
    const word = 'a'.repeat(MB);
    const cases: [FormatId, string, string, number][] = [
      ['xen-config', `${word} = 1\n`, 'xen/unknown-option', 0],
      ['nfs-exports', `/srv h(${word})\n`, 'exports/unknown-option', 7],
      ['dhcpd-conf', `${word}\n`, 'dhcp/syntax', 0],
      ['grub2', `${word}\n`, 'grub2/unknown-command', 0],
      ['pxelinux', `${word}\n`, 'pxelinux/unknown-keyword', 0],
    ];
    for (const [format, text, ruleId, start] of cases)
      it(`${format}: one ${ruleId} over the word, no replacement offered`, () => {
        const found = only(check(format, text), ruleId);
        // Projected small: a failing deepEqual must not print the megabyte.
        assert.deepEqual(
          found.map((f) => ({
            span: { start: f.span.start, end: f.span.end },
            suggestion: /did you mean/.test(f.message),
            replacements: (f.fixes ?? []).flatMap((x) => x.edits.filter((e) => e.newText !== '')).length,
          })),
          [{ span: { start, end: start + MB }, suggestion: false, replacements: 0 }],
        );
      });

    it('nearest() still suggests for a typo, and nothing for a word three times longer than any candidate', () => {
      assert.equal(nearest('hostt', ['host', 'hardware']), 'host');
      assert.equal(nearest('x'.repeat(MB), ['host', 'hardware']), undefined);
    });
  });

  describe('dhcpd.conf', () => {
    it('10,000 nested braces: one diagnostic at the 201st level, no stack overflow', () => {
      const text = 'group { '.repeat(10_000) + '}'.repeat(10_000);
      const nested = check('dhcpd-conf', text).filter((f) => /nested more than 200 deep/.test(f.message));
      assert.deepEqual(
        nested.map((f) => [f.ruleId, f.span.start]),
        [['dhcp/syntax', 200 * 'group { '.length + 'group '.length]],
      );
    });

    it("200,000 'host' words without ';': the first 64 pieces read, then one diagnostic for the rest", () => {
      const text = `${'host '.repeat(200_000)}h {\n}\n`;
      const findings = only(check('dhcpd-conf', text), 'dhcp/syntax');
      const rest = findings.filter((f) => /more than 64 statements run together/.test(f.message));
      assert.equal(rest.length, 1);
      assert.equal(rest[0].span.start, 2 * 64 * 'host '.length);
      assert.equal(findings.filter((f) => /^missing ';'/.test(f.message)).length, 64);
    });

    it("a million stray '}': one diagnostic over the run, not a million", () => {
      const text = `subnet 10.0.0.0 netmask 255.0.0.0 {\n}\n${'}'.repeat(MB)}\n`;
      const stray = check('dhcpd-conf', text).filter((f) => /unexpected '}'/.test(f.message));
      assert.deepEqual(
        stray.map((f) => f.span),
        [{ start: text.indexOf('}}'), end: text.length - 1 }],
      );
    });

    it("'if (' nested 10,000 deep: the expression is reported as too deep, not parsed", () => {
      const text = `if ${'('.repeat(10_000)}a${')'.repeat(10_000)} {\n}\n`;
      const deep = check('dhcpd-conf', text).filter((f) => /nested more than 100 deep/.test(f.message));
      assert.deepEqual(
        deep.map((f) => [f.ruleId, f.span.start, f.message]),
        [['dhcp/syntax', 'if '.length + 100, 'expression nested more than 100 deep: not analysed']],
      );
    });
  });

  it("grub2: a million stray '}' over two lines: one diagnostic over the run, not two million", () => {
    const text = `echo\n${'}'.repeat(MB / 2)}\n${'}'.repeat(MB / 2)}\necho\n`;
    const stray = check('grub2', text).filter((f) => /'}'/.test(f.message));
    assert.deepEqual(
      stray.map((f) => [f.span.start, f.span.end, f.message]),
      [[5, 5 + MB + 1, "a '}' without a matching '{'"]],
    );
  });

  it('xen: a megabyte of typographic quotes: the first 1,000 strings reported, then one line says the rest are not', () => {
    const findings = check('xen-config', `${'\u2019'.repeat(MB)}\n`);
    assert.equal(only(findings, 'xen/typographic-quote').length, 1000);
    assert.deepEqual(
      findings.filter((f) => /more than 1000 problems/.test(f.message)).map((f) => [f.ruleId, f.span.start]),
      [['xen/syntax', 2000]],
    );
  });

  it('grub2: a module2 line of 100,000 words builds its command line in one pass and is clean', () => {
    const text = `menuentry 'x' {\n  multiboot2 /xen.gz\n  ${'module2 '.repeat(100_000)}\n}\n`;
    assert.deepEqual(
      check('grub2', text).map((f) => f.ruleId),
      [],
    );
  });

  it("grub2: a megabyte of '${' in one word: 20 problems kept, not half a million", () => {
    const text = `echo "${'${'.repeat(MB / 2)}"\n`;
    const dollars = check('grub2', text).filter((f) => /'\$' must start a variable/.test(f.message));
    assert.equal(dollars.length, 20);
  });

  describe('duplicates repeated thousands of times: every one reported, each pointing at 20 others at most', () => {
    it('kconfig: a symbol set 5,000 times (the first 1,000 listed, then one finding counts the rest)', () => {
      const text = 'CONFIG_NFS_FS=y\n'.repeat(5000);
      const dups = only(check('kconfig', text), 'kconfig/duplicate-symbol');
      assert.equal(dups.length, 1001);
      assert.ok(dups.slice(0, 1000).every((f) => (f.related?.length ?? 0) === MAX_RELATED));
      assert.match(
        dups[999].message,
        /^CONFIG_NFS_FS is set again later, .*line 5000\): this line has no effect/,
      );
      assert.equal(
        dups[1000].message,
        '4000 more kconfig/duplicate-symbol findings in this file are not listed (the first 1000 are)',
      );
    });

    it('dhcpd.conf: 3,000 hosts with one name, MAC and address', () => {
      const host = 'host a { hardware ethernet 00:16:3e:00:00:01; fixed-address 10.0.0.1; }\n';
      const findings = check('dhcpd-conf', host.repeat(3000));
      for (const rule of ['dhcp/duplicate-host', 'dhcp/duplicate-mac', 'dhcp/duplicate-fixed-address']) {
        const found = only(findings, rule);
        assert.equal(found.length, 3000, rule);
        assert.ok(
          found.every((f) => f.related?.length === MAX_RELATED),
          rule,
        );
      }
    });

    it('xen: 3,000 vifs with one MAC', () => {
      const text = `vif = [${"'mac=00:16:3e:00:00:01', ".repeat(3000)}]\n`;
      const found = only(check('xen-config', text), 'xen/duplicate-mac');
      assert.equal(found.length, 3000);
      assert.ok(found.every((f) => f.related?.length === MAX_RELATED));
    });
  });

  it('kconfig: a comment with a megabyte of trailing blanks keeps its sections (no /\\s+$/ backtracking)', () => {
    const text = `#\n# Networking\n#\nCONFIG_NET=y\n# ${' '.repeat(MB)}x\n`;
    const sections = kconfigSections(text, parseKconfig(text));
    assert.deepEqual(
      sections.map((s) => [s.title, s.span.end]),
      [['Networking', text.length - 1]],
    );
  });
});
