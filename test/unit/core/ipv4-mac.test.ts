import assert from 'node:assert/strict';
import { parseIpv4 } from '../../../server/src/core/ipv4';
import { normaliseMac, xlMacPrefix } from '../../../server/src/core/mac';
import { prng } from '../../fuzz/prng';

// Addresses and MACs are read by hand (issue 6: tens of thousands of them in a site's cold check). These are
// the definitions they were read by before, as expressions; both readings must agree on every input.

function parseIpv4Reference(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return undefined;
    n = n * 256 + octet;
  }
  return n;
}

function normaliseMacReference(text: string): string | undefined {
  const parts = text.split(':');
  if (parts.length !== 6) return undefined;
  if (!parts.every((p) => /^[0-9a-fA-F]{1,2}$/.test(p))) return undefined;
  return parts.map((p) => p.padStart(2, '0').toLowerCase()).join(':');
}

function xlMacPrefixReference(text: string): { kept: string[]; firstBad: number | undefined } {
  const parts = text.split(':');
  const kept: string[] = [];
  for (let i = 0; i < 6; i++) {
    const p = parts[i];
    if (p === undefined || !/^[0-9a-fA-F]{1,2}$/.test(p)) return { kept, firstBad: i };
    kept.push(p.padStart(2, '0').toLowerCase());
  }
  return { kept, firstBad: parts.length > 6 ? 6 : undefined };
}

/** Random texts built from `pieces`, plus mutations of `seeds` (a character inserted, removed or replaced). */
function inputs(seed: number, seeds: readonly string[], pieces: readonly string[], count: number): string[] {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const out = [...seeds];
  for (let i = 0; i < count; i++) {
    if (rnd() < 0.5) {
      out.push(Array.from({ length: Math.floor(rnd() * 12) }, () => pick(pieces)).join(''));
      continue;
    }
    const s = pick(seeds);
    const at = Math.floor(rnd() * (s.length + 1));
    const op = rnd();
    out.push(
      op < 0.33
        ? s.slice(0, at) + pick(pieces) + s.slice(at)
        : op < 0.66
          ? s.slice(0, at) + s.slice(at + 1)
          : s.slice(0, at) + pick(pieces) + s.slice(at + 1),
    );
  }
  return out;
}

describe('core: IPv4 addresses and MACs read by hand', () => {
  it('parseIpv4 reads every text as the dotted-quad expression does (20,000 texts)', () => {
    const seeds = [
      '10.0.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '256.1.1.1',
      '1.2.3',
      '1.2.3.4.5',
      '001.02.3.004',
    ];
    const pieces = ['0', '1', '9', '25', '255', '256', '1000', '.', '..', ' ', '-', 'a', '\n', '\u0661', '+'];
    let valid = 0;
    for (const text of inputs(4, seeds, pieces, 20_000)) {
      const expected = parseIpv4Reference(text);
      if (expected !== undefined) valid++;
      assert.equal(parseIpv4(text), expected, JSON.stringify(text));
    }
    assert.ok(valid > 1000, `${valid} valid addresses among the inputs`);
  });

  it('normaliseMac and xlMacPrefix read every text as the per-octet expressions do (20,000 texts)', () => {
    const seeds = [
      '00:16:3e:00:00:01',
      '00:16:3E:0A:b:1',
      'aa:bb:cc:dd:ee:ff',
      '00:16:3e:00:00:zz',
      'a:b:c:d:e:f:0',
    ];
    const pieces = ['0', '7', 'a', 'f', 'g', 'A', 'F', ':', '::', '3e', '-', ' ', '\u00e9'];
    let normal = 0;
    for (const text of inputs(5, seeds, pieces, 20_000)) {
      const expected = normaliseMacReference(text);
      if (expected !== undefined && expected === text) normal++;
      assert.equal(normaliseMac(text), expected, JSON.stringify(text));
      assert.deepEqual(xlMacPrefix(text), xlMacPrefixReference(text), JSON.stringify(text));
    }
    assert.ok(normal > 200, `${normal} MACs already in normal form among the inputs`);
  });
});
