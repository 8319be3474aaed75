import type { Rng } from './prng';
import { below, pick } from './prng';

/** One edit at a chosen offset: how many characters to cut there and what to insert. */
export type EditStep = (rnd: Rng) => { cut: number; insert: string };

/**
 * Applies 1 to `maxEdits` edits at random offsets (drawn in the order: count, then per edit offset and
 * step), the shape every parser-robustness test uses.
 */
export function splice(text: string, rnd: Rng, maxEdits: number, step: EditStep): string {
  let out = text;
  const edits = 1 + below(rnd, maxEdits);
  for (let i = 0; i < edits; i++) {
    const at = below(rnd, out.length + 1);
    const { cut, insert } = step(rnd);
    out = out.slice(0, at) + insert + out.slice(at + cut);
  }
  return out;
}

/** Cuts `cut(rnd)` characters, then inserts a token of `alphabet` with probability `insertRate`. */
export function replaceStep(
  alphabet: readonly string[],
  cut: (rnd: Rng) => number,
  insertRate = 0.7,
): EditStep {
  return (rnd) => {
    const n = cut(rnd);
    return { cut: n, insert: rnd() < insertRate ? pick(rnd, alphabet) : '' };
  };
}

/** Either deletes 1 to 5 characters or inserts a token of `alphabet`, evenly. */
export function deleteOrInsertStep(alphabet: readonly string[]): EditStep {
  return (rnd) =>
    rnd() < 0.5 ? { cut: 1 + below(rnd, 5), insert: '' } : { cut: 0, insert: pick(rnd, alphabet) };
}

/** The usual mutation of the robustness tests: up to 4 edits, each cutting 0-2 characters. */
export function mutateTokens(text: string, rnd: Rng, alphabet: readonly string[]): string {
  return splice(
    text,
    rnd,
    4,
    replaceStep(alphabet, (r) => below(r, 3)),
  );
}

/** What the fuzzer knows of a format: its significant tokens and how it nests. */
export interface MutationProfile {
  /** Tokens that mean something to the format (inserted at random). */
  readonly alphabet: readonly string[];
  /** Openers and their closers, for deep nesting. */
  readonly nesting: readonly (readonly [open: string, close: string])[];
}

/** Random UTF-16 code units, lone surrogates and controls included. */
function randomUnits(rnd: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rnd();
    s += String.fromCharCode(r < 0.5 ? below(rnd, 128) : r < 0.8 ? below(rnd, 0x800) : below(rnd, 0x10000));
  }
  return s;
}

/** Encodes a window as UTF-8, corrupts a byte or two and decodes it again (bad sequences become U+FFFD). */
function invalidUtf8(text: string, rnd: Rng): string {
  const at = below(rnd, text.length + 1);
  const end = Math.min(text.length, at + 1 + below(rnd, 64));
  const bytes = Buffer.from(text.slice(at, end), 'utf8');
  const bad = Buffer.concat([bytes, Buffer.from([0xc3])]);
  for (let k = 1 + below(rnd, 2); k > 0; k--) bad[below(rnd, bad.length)] = 0x80 + below(rnd, 0x80);
  return text.slice(0, at) + new TextDecoder('utf-8').decode(bad) + text.slice(end);
}

type Operator = (text: string, rnd: Rng, profile: MutationProfile) => string;

function insertAt(text: string, rnd: Rng, insert: string): string {
  const at = below(rnd, text.length + 1);
  return text.slice(0, at) + insert + text.slice(at);
}

/** Byte- and token-level operators with their weights; the costly ones (1 MB lines, deep nesting) are rare. */
const OPERATORS: readonly (readonly [weight: number, op: Operator])[] = [
  [30, (t, r, p) => insertAt(t, r, pick(r, p.alphabet))],
  [15, (t, r) => splice(t, r, 1, () => ({ cut: 1 + below(r, 16), insert: '' }))],
  [
    10,
    (t, r) => {
      const from = below(r, t.length + 1);
      return insertAt(t, r, t.slice(from, from + 1 + below(r, 64)));
    },
  ],
  [4, (t, r) => t.slice(0, below(r, t.length + 1))],
  [5, (t, r) => insertAt(t, r, '\u0000'.repeat(1 + below(r, 3)))],
  [6, (t, r) => invalidUtf8(t, r)],
  [3, (t) => t.replace(/\r?\n/g, '\r\n')],
  [3, (t, r) => (r() < 0.5 ? t.replace(/\r?\n/g, '\r') : insertAt(t, r, '\r'))],
  [5, (t, r) => insertAt(t, r, randomUnits(r, 1 + below(r, 32)))],
  [
    2,
    (t, r, p) => {
      const unit = r() < 0.5 ? 'a' : pick(r, p.alphabet);
      // 1 MB lines are one in fifty: they found the hangs, and at ~0.05% of inputs a run of a million still
      // makes hundreds while the rest of the inputs keep a throughput of thousands a minute.
      const length = r() < 0.02 ? 1_000_000 : 1 + below(r, 20_000);
      return insertAt(t, r, unit.repeat(Math.max(1, Math.floor(length / unit.length))));
    },
  ],
  [
    2,
    (t, r, p) => {
      if (p.nesting.length === 0) return t;
      const [open, close] = pick(r, p.nesting);
      const n = 1 + below(r, r() < 0.2 ? 5000 : 200);
      return insertAt(t, r, open.repeat(n) + (r() < 0.5 ? close.repeat(n) : ''));
    },
  ],
];
const TOTAL = OPERATORS.reduce((s, [w]) => s + w, 0);

/** Applies 1 to 4 operators chosen by weight: the fuzzer's mutation. */
export function fuzzMutate(text: string, rnd: Rng, profile: MutationProfile): string {
  let out = text;
  for (let n = 1 + below(rnd, 4); n > 0; n--) {
    let w = rnd() * TOTAL;
    const found = OPERATORS.find(([weight]) => (w -= weight) < 0) ?? OPERATORS[0];
    out = found[1](out, rnd, profile);
  }
  return out;
}
