import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IToken } from 'chevrotain';
import { lexExports } from '../../../../server/src/formats/exports/lexer';
import {
  parseExportLine,
  parseExportLineByGrammar,
} from '../../../../server/src/formats/exports/line-grammar';
import { Newline } from '../../../../server/src/formats/exports/tokens';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/exports');

/** The token lines of a file, as the parser hands them to the line grammar (blank lines included). */
function lines(text: string): IToken[][] {
  const out: IToken[][] = [[]];
  for (const t of lexExports(text).tokens) {
    if (t.tokenType === Newline) out.push([]);
    else out[out.length - 1].push(t);
  }
  return out;
}

describe('export lines read directly and by the grammar', () => {
  const seeds = fs
    .readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.golden'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
  const alphabet = [...fuzzFormat('nfs-exports').alphabet, '(', ')', '-', ' ', 'rw', '*', '10.0.0.1'];

  it('gives the grammar’s answer for every line of 3,000 mutated exports files', () => {
    const rnd = prng(7);
    let clients = 0;
    for (let i = 0; i < 3000; i++) {
      const text = i < seeds.length ? seeds[i] : mutateTokens(seeds[i % seeds.length], rnd, alphabet);
      for (const line of lines(text)) {
        const direct = parseExportLine(line);
        assert.deepEqual(direct, parseExportLineByGrammar(line), `case ${i}: ${JSON.stringify(text)}`);
        clients += direct.line?.items.length ?? 0;
      }
    }
    assert.ok(clients > 3000, `only ${clients} items read`);
  });

  it('reads a line: the path, then each item with the blanks before it', () => {
    const parsed = parseExportLine(lines('/srv  host(rw,sync) -ro (x)y\\\n  *')[0]);
    const items = parsed.line?.items.map(({ gap, item }) => {
      const words = (ts: readonly IToken[] | undefined): string => (ts ?? []).map((t) => t.image).join('');
      const list = item.list
        ? `${item.list.open.image}${words(item.list.parts)}${item.list.close?.image ?? ''}`
        : '';
      const host = item.kind === 'client' ? words(item.host) : '';
      return `${JSON.stringify(words(gap))} ${item.kind} ${host}|${list}|${words(item.stray)}`;
    });
    assert.deepEqual(
      parsed.line?.path.map((t) => t.image),
      ['/srv'],
    );
    assert.deepEqual(items, [
      '"  " client host|(rw,sync)|',
      '" " defaults |-ro|',
      '" " client |(x)|y',
      '"\\\\\\n  " client *||',
    ]);
  });
});
