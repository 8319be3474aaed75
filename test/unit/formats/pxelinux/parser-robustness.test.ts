import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  completePxelinux,
  hoverPxelinux,
  pxelinuxFoldingSpans,
  pxelinuxSymbols,
} from '../../../../server/src/features/pxelinux';
import type { PxelinuxFile } from '../../../../server/src/rules/pxelinux';
import { PXELINUX_ANALYSER } from '../../../../server/src/workspace/formats/pxelinux';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/pxelinux');

/** A small deterministic PRNG (mulberry32), so a failure names a seed that reproduces it. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  '\n',
  '\r\n',
  ' --- ',
  '---',
  '#',
  'LABEL ',
  'MENU BEGIN',
  'MENU END',
  'TEXT HELP',
  'ENDTEXT',
  ' ',
  '\u0000',
  'ip=',
  'nfsroot=',
  'mboot.c32',
];

function mutate(text: string, rnd: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const len = Math.floor(rnd() * 3);
    const insert = rnd() < 0.7 ? ALPHABET[Math.floor(rnd() * ALPHABET.length)] : '';
    out = out.slice(0, at) + insert + out.slice(at + len);
  }
  return out;
}

describe('PXELINUX parser on broken input', () => {
  const seeds = fs
    .readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.golden'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));

  it('never throws, keeps every span inside the text, and every feature answers (2,000 mutants)', () => {
    const rnd = prng(20261125);
    for (let i = 0; i < 2000; i++) {
      const text = mutate(seeds[i % seeds.length], rnd);
      const p = i % 2 ? 'tftp/pxelinux.cfg/01-00-16-3e-00-00-01' : 'tftp/pxelinux.cfg/default';
      const file = PXELINUX_ANALYSER.analyse(`file:///m/${p}`, text, {
        path: p,
        toolstack: 'xl',
      }) as PxelinuxFile;
      const findings = PXELINUX_ANALYSER.check(file);
      for (const s of [...file.ast.issues.map((x) => x.span), ...findings.map((f) => f.span)]) {
        assert.ok(
          s.start >= 0 && s.start <= s.end && s.end <= text.length,
          `case ${i}: span ${s.start}-${s.end}`,
        );
      }
      const at = Math.floor(rnd() * (text.length + 1));
      hoverPxelinux(file, at);
      completePxelinux(file, at);
      pxelinuxSymbols(file);
      pxelinuxFoldingSpans(file);
    }
  });
});
