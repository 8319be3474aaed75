import assert from 'node:assert/strict';
import { plainRecord, SpanRecord } from '../../../server/src/core/plain-record';
import type { Writable } from '../../../server/src/core/plain-record';
import { parseClient } from '../../../server/src/formats/exports/clients';
import { parseExports } from '../../../server/src/formats/exports/parser';
import { makeOption } from '../../../server/src/formats/exports/tree';

/**
 * Plain records stand for the object literals they replace (core/plain-record.ts): whoever reads a tree,
 * compares it or writes it as JSON must not see a difference.
 */

interface Pair {
  readonly first: string;
  readonly second: number | undefined;
}

const PairRecord = plainRecord(function (this: Writable<Pair>, first: string, second: number | undefined) {
  this.first = first;
  this.second = second;
});

describe('plain records', () => {
  it('are plain objects: the prototype of a literal, its keys in its order, its JSON', () => {
    const made = new PairRecord('a', undefined);
    const literal = { first: 'a', second: undefined };
    assert.equal(Object.getPrototypeOf(made), Object.prototype);
    assert.deepEqual(Object.keys(made), ['first', 'second']);
    assert.deepStrictEqual(made, literal);
    assert.equal(JSON.stringify(made), JSON.stringify(literal));
    assert.notDeepStrictEqual(made, { first: 'a', second: 1 });
  });

  it('make spans equal to literal spans', () => {
    assert.deepStrictEqual(new SpanRecord(3, 7), { start: 3, end: 7 });
    assert.equal(JSON.stringify(new SpanRecord(0, 1)), '{"start":0,"end":1}');
  });

  it('make the nodes of the exports tree as their literals would be', () => {
    assert.deepStrictEqual(makeOption('fsid=0', 10), {
      name: 'fsid',
      value: '0',
      span: { start: 10, end: 16 },
      nameSpan: { start: 10, end: 14 },
      valueSpan: { start: 15, end: 16 },
    });
    assert.deepStrictEqual(parseClient('10.0.0.0/8'), {
      kind: 'ipv4-network',
      text: '10.0.0.0/8',
      base: 0x0a000000,
      mask: 0xff000000,
      prefix: 8,
      notation: 'prefix',
    });
    assert.deepStrictEqual(parseClient('Web*'), { kind: 'wildcard', text: 'Web*', pattern: 'web*' });
    assert.deepStrictEqual(parseClient('10.1.2.3'), { kind: 'ipv4', text: '10.1.2.3', address: 0x0a010203 });
    assert.deepStrictEqual(parseClient('Host'), { kind: 'hostname', text: 'Host', name: 'host' });
  });

  it('make a whole export line, from the text and from tokens, as literals would be', () => {
    // `PATH host(rw,fsid=0) b`, the host at `at`: the tree as object literals.
    const expected = (path: object, at: number): object => {
      const span = (start: number, end: number): object => ({ start: at + start, end: at + end });
      const rw = {
        name: 'rw',
        value: undefined,
        span: span(5, 7),
        nameSpan: span(5, 7),
        valueSpan: undefined,
      };
      const fsid = {
        name: 'fsid',
        value: '0',
        span: span(8, 14),
        nameSpan: span(8, 12),
        valueSpan: span(13, 14),
      };
      const list = {
        span: span(4, 15),
        open: span(4, 5),
        close: span(14, 15),
        options: [rw, fsid],
        emptySlots: [],
      };
      const client = (text: string, from: number, options: object | undefined, end: number): object => ({
        kind: 'client',
        span: span(from, end),
        host: { text, span: span(from, from + text.length) },
        spec: { kind: 'hostname', text, name: text },
        options,
        defaults: [],
      });
      const clients = [client('host', 0, list, 15), client('b', 16, undefined, 17)];
      return { span: { start: 0, end: at + 17 }, path, items: clients, clients, defaults: [] };
    };
    // A plain line is read straight from the text (plain-line.ts), one with a quoted path by tokens.
    const plain = parseExports('/x   host(rw,fsid=0) b\n').entries[0];
    const plainLiteral = expected({ raw: '/x', value: '/x', span: { start: 0, end: 2 } }, 5);
    assert.deepStrictEqual(plain, plainLiteral);
    // JSON keeps the keys' order, which `deepStrictEqual` does not compare.
    assert.equal(JSON.stringify(plain), JSON.stringify(plainLiteral));
    const quoted = parseExports('"/x" host(rw,fsid=0) b\n').entries[0];
    const quotedLiteral = expected({ raw: '"/x"', value: '/x', span: { start: 0, end: 4 } }, 5);
    assert.deepStrictEqual(quoted, quotedLiteral);
    assert.equal(JSON.stringify(quoted), JSON.stringify(quotedLiteral));
  });
});
