import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DhcpStatement } from '../../../../server/src/formats/dhcp/ast';
import { firstValueText, LazyStatement } from '../../../../server/src/formats/dhcp/lazy-statement';
import { lexDhcpConf } from '../../../../server/src/formats/dhcp/lexer';
import { newParseState, parseDhcpConf } from '../../../../server/src/formats/dhcp/parser';
import { reparseDhcpConf, spliceOf } from '../../../../server/src/formats/dhcp/reparse';
import { interpretBlock } from '../../../../server/src/formats/dhcp/statements';
import { readStructure } from '../../../../server/src/formats/dhcp/structure';
import { fuzzFormat } from '../../../fuzz/formats';
import { deleteOrInsertStep, splice } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

/**
 * A dhcpd.conf's statements keep offsets and make their words when read (formats/dhcp/lazy-statement.ts).
 * They must read exactly as statements made with every word up front (the statement reader makes those
 * when no head table is kept), on well-formed and broken files, and still after an edit moves them.
 */

const SEED = fs.readFileSync(
  path.join(__dirname, '../../../../../test/fixtures/dhcp/seed-001-dhcpd.conf'),
  'utf8',
);

/** Statements made with every word up front: no piece, so no head table. */
function plainStatements(text: string): readonly DhcpStatement[] {
  const state = newParseState([], text);
  return interpretBlock(readStructure(lexDhcpConf(text).tokens, text.length, state.issues), [], state);
}

/** JSON with sorted keys: the two kinds of statement list their fields in different orders. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const plain = JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(plain)
        .sort()
        .map((k) => [k, plain[k]]),
    );
  });
}

/** Every field a reader may ask for, read through the `DhcpStatement` interface. */
function readAll(statements: readonly DhcpStatement[]): unknown[] {
  return statements.map((s) => ({
    kind: s.kind,
    span: [s.span.start, s.span.end],
    keyword: [s.keyword.text, s.keyword.kind, s.keyword.span.start, s.keyword.span.end],
    words: s.words.map((w) => [w.text, w.kind, w.span.start, w.span.end]),
    values: s.values?.map((w) => [w.text, w.kind, w.span.start]),
    bodySpan: s.bodySpan && [s.bodySpan.start, s.bodySpan.end],
    body: s.body && readAll(s.body),
  }));
}

describe('dhcpd.conf statements made lazily', () => {
  it('are lazy in a parsed file and read like statements made with every word', () => {
    const lazy = parseDhcpConf(SEED).statements;
    assert.ok(
      lazy.some((s) => s instanceof LazyStatement),
      'the parse makes lazy statements',
    );
    assert.ok(!plainStatements(SEED).some((s) => s instanceof LazyStatement));
    assert.equal(canonical(readAll(lazy)), canonical(readAll(plainStatements(SEED))));
    assert.equal(canonical(lazy), canonical(plainStatements(SEED)));
  });

  it('read like them in 300 broken variants of the seed', () => {
    const r = prng(11);
    for (let i = 0; i < 300; i++) {
      const text = splice(SEED, r, 4, deleteOrInsertStep(fuzzFormat('dhcpd-conf').alphabet));
      assert.equal(
        canonical(parseDhcpConf(text).statements),
        canonical(plainStatements(text)),
        `variant ${i}`,
      );
    }
  });

  it('decode strings when read: a value with escapes reads as written', () => {
    const text = 'option domain-name "a \\"b\\" c";\nfilename "x\\ty";\n';
    const [domain, file] = parseDhcpConf(text).statements;
    assert.equal(domain.values?.[0]?.text, 'a "b" c');
    assert.equal(domain.values?.[0]?.kind, 'string');
    assert.equal(file.words[0]?.text, 'x\ty');
  });

  it('read the new text after an edit before them moves them, words read before or not', () => {
    const hosts = Array.from(
      { length: 3000 },
      (_, i) =>
        `host h${i} {\n  hardware ethernet 00:16:3e:00:${(i >> 8).toString(16)}:${(i & 255).toString(16)};\n  filename "f${i}";\n}\n`,
    ).join('');
    const before = parseDhcpConf(hosts);
    const readEarly = before.statements[2000].body?.[1];
    assert.equal(readEarly?.values?.[0]?.text, 'f2000');
    const edited = `${hosts.slice(0, 20)}# a comment added here\n${hosts.slice(20)}`;
    const after = reparseDhcpConf(edited, { text: hosts, ast: before });
    assert.ok(spliceOf(after), 'read again in part, the rest moved');
    const moved = after.statements[2500].body?.[1];
    assert.equal(moved?.values?.[0]?.text, 'f2500', 'words first read after the move');
    assert.equal(after.statements[2000].body?.[1]?.values?.[0]?.text, 'f2000', 'words read before the move');
    const name = after.statements[2500].name;
    assert.equal(edited.slice(moved?.span.start, moved?.span.end), 'filename "f2500";');
    assert.equal(name?.text, 'h2500');
    assert.equal(canonical(after.statements), canonical(parseDhcpConf(edited).statements));
  });

  it('give the text of their first value without their words, as their values read', () => {
    const texts = [
      SEED,
      'option domain-name-servers 10.0.0.1, 10.0.0.2;\nfilename "say \\"hi\\"";\noption routers , 10.0.0.3;\n',
      'host a { option option-150 "/grub/a.conf"; filename "pxelinux.0"; next-server tftp; }\n',
    ];
    const r = prng(3);
    for (let i = 0; i < 100; i++)
      texts.push(splice(SEED, r, 3, deleteOrInsertStep(fuzzFormat('dhcpd-conf').alphabet)));
    let compared = 0;
    for (const text of texts) {
      const first = flatten(parseDhcpConf(text).statements).map((s) => firstValueText(s));
      const made = flatten(parseDhcpConf(text).statements).map((s) => s.values?.[0]?.text);
      assert.deepEqual(first, made);
      compared += made.filter((t) => t !== undefined).length;
    }
    assert.ok(compared > 300, `${compared} values compared`);
  });
});

function flatten(list: readonly DhcpStatement[]): DhcpStatement[] {
  return list.flatMap((s) => [s, ...flatten(s.body ?? [])]);
}
