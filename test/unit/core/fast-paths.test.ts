import assert from 'node:assert/strict';
import { splitCommandLine } from '../../../server/src/formats/cmdline/command-line';
import type { KernelParam } from '../../../server/src/formats/cmdline/command-line';
import { parseNfsRootParam } from '../../../server/src/formats/cmdline/nfsroot-param';
import { parseStrictIpv4, parseStrictIpv4ByPatterns } from '../../../server/src/formats/exports/clients';
import { decodePath } from '../../../server/src/formats/exports/parser';
import { decodeAnyString, decodeString } from '../../../server/src/formats/xen/string-literal';
import { parseVifSpec } from '../../../server/src/formats/xen/vif';
import { prng } from '../../fuzz/prng';
import type { Rng } from '../../fuzz/prng';

/**
 * The character-code readers of issue 6 against the regular expressions they replace: the same answer on
 * every input, valid or not, made of the characters that matter (`parseIpv4` and `normaliseMac`:
 * ipv4-mac.test.ts).
 */

function randomText(rnd: Rng, alphabet: readonly string[], maxPieces: number): string {
  let text = '';
  const n = Math.floor(rnd() * maxPieces);
  for (let i = 0; i < n; i++) text += alphabet[Math.floor(rnd() * alphabet.length)];
  return text;
}

/** A valid value with one random character replaced, inserted or removed (or none). */
function mutate(rnd: Rng, valid: string, alphabet: readonly string[]): string {
  const at = Math.floor(rnd() * (valid.length + 1));
  const c = alphabet[Math.floor(rnd() * alphabet.length)];
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return valid.slice(0, at) + c + valid.slice(at + 1);
    case 1:
      return valid.slice(0, at) + c + valid.slice(at);
    case 2:
      return valid.slice(0, at) + valid.slice(at + 1);
    default:
      return valid;
  }
}

describe('Character-code fast paths (issue 6)', () => {
  it('parseStrictIpv4 (exports) reads 20,000 addresses and near misses as its patterns do', () => {
    const rnd = prng(64);
    const alphabet = ['0', '00', '01', '1', '9', '25', '255', '256', '.', '..', ' ', 'a', ''];
    const octet = (): string => String(Math.floor(rnd() * 300));
    let valid = 0;
    for (let i = 0; i < 20000; i++) {
      const address = [octet(), octet(), octet(), octet()].join('.');
      const text = i % 2 ? mutate(rnd, address, alphabet) : randomText(rnd, alphabet, 10);
      if (parseStrictIpv4ByPatterns(text) !== undefined) valid++;
      assert.equal(parseStrictIpv4(text), parseStrictIpv4ByPatterns(text), JSON.stringify(text));
    }
    assert.ok(valid > 2000, `only ${valid} valid addresses were tried`);
  });

  it('decodePath keeps a path without quotes or backslashes and decodes the others', () => {
    assert.equal(decodePath('/srv/nfs/root'), '/srv/nfs/root');
    assert.equal(decodePath('"/srv/my root"'), '/srv/my root');
    assert.equal(decodePath('/srv/a\\040b'), '/srv/a b');
  });

  it("decodeString's plain path decodes 20,000 string literals as the general path does", () => {
    const rnd = prng(63);
    const alphabet = [
      "'",
      '"',
      "'''",
      '\\',
      '\\n',
      '\\\\',
      '\\q',
      '\\101',
      'a',
      ' ',
      '\u2019',
      '\u201c',
      '\n',
      '',
    ];
    for (let i = 0; i < 20000; i++) {
      const quote = rnd() < 0.5 ? "'" : '"';
      const raw = quote + randomText(rnd, alphabet, 6) + (rnd() < 0.8 ? quote : '');
      assert.deepEqual(decodeString(raw), decodeAnyString(raw), JSON.stringify(raw));
    }
    for (const raw of [
      "''",
      '""',
      "'''",
      '"""',
      "'",
      '"',
      "''''''",
      "'a'",
      '"a\\"',
      "'\u2019",
      '\u2018a\u2019',
    ]) {
      assert.deepEqual(decodeString(raw), decodeAnyString(raw), JSON.stringify(raw));
    }
  });

  it("splits NFS options and vif pairs at commas as split(',') does (5,000 texts each)", () => {
    const rnd = prng(65);
    const alphabet = [
      ',',
      ',,',
      ' ',
      '=',
      'a',
      'vers=3',
      'mac=00:16:3e:00:00:01',
      ' bridge = br0 ',
      '\u00a0',
      '',
    ];
    for (let i = 0; i < 5000; i++) {
      const options = randomText(rnd, alphabet, 8);
      let start = 7;
      const want = options.split(',').map((part) => {
        const eq = part.indexOf('=');
        const o = { name: eq < 0 ? part : part.slice(0, eq), value: eq < 0 ? undefined : part.slice(eq + 1) };
        const placed = { ...o, start, end: start + part.length };
        start += part.length + 1;
        return placed;
      });
      assert.deepEqual(parseNfsRootParam(`srv:/p,${options}`).options, want, JSON.stringify(options));
      const raw = `'${options}'`;
      const item = {
        kind: 'string' as const,
        span: { start: 100, end: 100 + raw.length },
        ...decodeString(raw),
      };
      const pairs = parseVifSpec(item).pairs;
      // The reference of the pairs: split, trim, and the file offset of each trimmed part (no escapes here).
      let at = 0;
      const wantPairs: [string, string | undefined, number][] = [];
      for (const part of options.split(',')) {
        const t = part.trim();
        const eq = t.indexOf('=');
        const lead = part.length - part.trimStart().length;
        if (t !== '')
          wantPairs.push([
            eq < 0 ? t : t.slice(0, eq),
            eq < 0 ? undefined : t.slice(eq + 1),
            101 + at + lead,
          ]);
        at += part.length + 1;
      }
      assert.deepEqual(
        pairs.map((p) => [p.key, p.value, p.span.start]),
        wantPairs,
        JSON.stringify(options),
      );
    }
  });

  it('splits kernel command lines in place as slicing each word out does (5,000 lines)', () => {
    // The reference: each word sliced out, split at its first `=`, one double quote taken off each end.
    const unquote = (w: string): string => {
      const from = w.charCodeAt(0) === 34 ? 1 : 0;
      const to = w.length > from && w.charCodeAt(w.length - 1) === 34 ? w.length - 1 : w.length;
      return w.slice(from, to);
    };
    const reference = (text: string): KernelParam[] => {
      const out: KernelParam[] = [];
      for (const m of text.matchAll(/(?:"[^"]*"?|[^\s"])+/g)) {
        const word = m[0];
        const start = m.index ?? 0;
        if (word === '--') break;
        const eq = word.indexOf('=');
        const end = start + word.length;
        if (eq < 0) out.push({ name: unquote(word), value: undefined, start, end, valueStart: undefined });
        else
          out.push({
            name: word.charCodeAt(0) === 34 ? word.slice(1, eq) : word.slice(0, eq),
            value: unquote(word.slice(eq + 1)),
            start,
            end,
            valueStart: start + eq + 1 + (word.charCodeAt(eq + 1) === 34 ? 1 : 0),
          });
      }
      return out;
    };
    const rnd = prng(66);
    const alphabet = [
      'root=/dev/nfs',
      ' ',
      '  ',
      '\t',
      '=',
      '"',
      'a',
      'ip=dhcp',
      '--',
      '-',
      '\u00a0',
      'x="y z"',
      '\n',
    ];
    for (let i = 0; i < 5000; i++) {
      const text = randomText(rnd, alphabet, 10);
      assert.deepEqual(splitCommandLine(text), reference(text), JSON.stringify(text));
    }
  });
});
