import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { completeExports, hoverExports } from '../../../../server/src/features/exports';
import { parseExports } from '../../../../server/src/formats/exports/parser';
import { recogniseExports } from '../../../../server/src/formats/exports/recognise';
import { analyseExports, exportsSite } from '../../helpers/exports-site';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/exports');

function inside(text: string, s: { start: number; end: number }): boolean {
  return s.start >= 0 && s.start <= s.end && s.end <= text.length;
}

const ALPHABET = fuzzFormat('nfs-exports').alphabet;

describe('exports parser on broken input', () => {
  const seeds = fs
    .readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.golden'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));

  it('never throws, keeps every span inside the text, and every feature answers (3,000 mutants)', () => {
    const rnd = prng(20240603);
    for (let i = 0; i < 3000; i++) {
      const text = mutateTokens(seeds[i % seeds.length], rnd, ALPHABET);
      const ast = parseExports(text);
      const spans = [
        ...ast.issues.map((x) => x.span),
        ...ast.entries.flatMap((e) => [
          e.span,
          e.path.span,
          ...e.clients.flatMap((c) => [c.span, ...(c.options?.options.map((o) => o.span) ?? [])]),
        ]),
      ];
      for (const s of spans) assert.ok(inside(text, s), `case ${i}: span ${s.start}-${s.end}`);
      const site = exportsSite(`=== etc/exports\n${text}`);
      const body = site.files[0].file.text;
      for (const f of site.findings) {
        assert.ok(inside(body, f.span), `case ${i}: ${f.ruleId} out of range`);
        for (const fix of f.fixes ?? [])
          for (const e of fix.edits) assert.ok(inside(body, e.span), `case ${i}: fix out of range`);
      }
      const at = Math.floor(rnd() * (text.length + 1));
      hoverExports(analyseExports(text), at);
      completeExports(analyseExports(text), at);
    }
  });

  it('reads and checks a 7 MB file of 100,000 exports, all of them duplicates, in seconds', function () {
    this.timeout(30_000);
    const line = '/srv/nfsroot/host 10.0.0.1(rw,sync,no_root_squash,no_subtree_check,fsid=0)\n';
    const text = line.repeat(100_000);
    const started = Date.now();
    const site = exportsSite(`=== etc/exports\n${text}`);
    assert.equal(site.files[0].file.ast.entries.length, 100_000);
    assert.equal(site.findings.filter((f) => f.ruleId === 'exports/duplicate-client').length, 100_000);
    assert.ok(site.findings.every((f) => (f.related?.length ?? 0) <= 40));
    assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
  });

  it('survives binary junk and a line of 1 MB', () => {
    const junk = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    assert.doesNotThrow(() => exportsSite(`=== etc/exports\n${junk}`));
    const long = `/srv/a ${'h'.repeat(1_000_000)}(rw)\n/srv/b 10.0.0.1(ro,sync,no_subtree_check)\n`;
    assert.equal(parseExports(long).entries.length, 2);
  });
});

describe('recognising exports files', () => {
  it('takes exports and *.exports, confirmed by content; an empty or comment-only file is fine', () => {
    assert.ok(recogniseExports('etc/exports', '/srv/a 10.0.0.1(rw)\n'));
    assert.ok(recogniseExports('etc/exports.d/lab.exports', '# nothing yet\n'));
    assert.ok(recogniseExports('srv/exports', 'export/relative host(rw)\n'));
    assert.ok(!recogniseExports('etc/exports.d/.hidden.exports', '/srv/a h(rw)\n'));
    assert.ok(!recogniseExports('etc/exports.d/lab.conf', '/srv/a h(rw)\n'));
    assert.ok(!recogniseExports('src/exports', 'module.exports = {};\n'));
  });
});
