import assert from 'node:assert/strict';
import { completeDhcp } from '../../../../server/src/features/dhcp/completion';
import { hoverDhcp } from '../../../../server/src/features/dhcp/hover';
import { dhcpFoldingSpans, dhcpSymbols } from '../../../../server/src/features/dhcp/symbols';
import { checkDhcpFile, checkDhcpSet } from '../../../../server/src/rules/dhcp';
import { dhcpFile } from '../../helpers/dhcp-site';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fuzzFormat } from '../../../fuzz/formats';
import { deleteOrInsertStep, splice } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const SEED_001_DHCPD = fs.readFileSync(
  path.join(__dirname, '../../../../../test/fixtures/dhcp/seed-001-dhcpd.conf'),
  'utf8',
);

function exercise(text: string): void {
  const file = dhcpFile('dhcpd.conf', text);
  const findings = [...checkDhcpFile(file), ...checkDhcpSet([file])];
  for (const f of findings)
    assert.ok(
      f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length,
      `span ${f.span.start}-${f.span.end} of ${text.length}`,
    );
  for (let o = 0; o <= text.length; o += 31) {
    hoverDhcp(file, o);
    completeDhcp(file, o);
  }
  dhcpSymbols(file);
  dhcpFoldingSpans(file);
}

describe('dhcpd.conf parser on broken input', () => {
  it('never throws and keeps every span inside the text (1,000 seeded mutants of the seed)', () => {
    const r = prng(7);
    for (let i = 0; i < 1000; i++)
      exercise(splice(SEED_001_DHCPD, r, 4, deleteOrInsertStep(fuzzFormat('dhcpd-conf').alphabet)));
  });

  it('survives unterminated strings, unbalanced braces, binary junk, CRLF and tabs', () => {
    const junk = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    for (const text of [
      'option host-name "abc;\nhost a {',
      '{{{{{{{{',
      '}}}}}};;;',
      junk,
      SEED_001_DHCPD.replace(/\n/g, '\r\n'),
      SEED_001_DHCPD.replace(/ {4}/g, '\t'),
      '{'.repeat(5000),
    ]) {
      exercise(text);
    }
  });

  it('reads a 50 MB file without hanging: the first 16 MB analysed, one issue says so', function () {
    this.timeout(120_000);
    const host = (i: number): string =>
      `host h${i} { hardware ethernet 00:16:3e:${((i >> 8) & 255).toString(16)}:${(i & 255).toString(16)}:01; fixed-address 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}; }\n`;
    const chunk = Array.from({ length: 1000 }, (_, i) => host(i)).join('');
    const text = chunk.repeat(Math.ceil((50 * 1024 * 1024) / chunk.length));
    const started = Date.now();
    const file = dhcpFile('dhcpd.conf', text);
    const issues = file.ast.issues;
    assert.ok(issues.some((i) => /only the first 16 MB/.test(i.message)));
    assert.ok(Date.now() - started < 60_000);
  });
});
