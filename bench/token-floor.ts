import * as fs from 'node:fs';

/**
 * The floor of any check of a dhcpd.conf written for Node: `node out/bench/token-floor.js FILE` starts Node,
 * reads the file and splits it into tokens as the dhcpd.conf lexer does (quoted strings, words, comparisons,
 * other punctuation; comments and blanks skipped) and prints how many; it checks nothing and keeps nothing. The benchmark times it as a whole process beside
 * `dhcpd -t` and `xen-nfs-boot check`: what is left between it and `dhcpd -t` is all the time a Node checker
 * may spend on reading statements, checking values, the model and the rules (docs/performance.md).
 * Self-contained on purpose: loading the product's lexer would load its token types (and Chevrotain) too.
 */

const HASH = 0x23;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Characters of a word, as dhcpd.conf's lexer takes them (letters, digits, `-_.:`). */
const WORD = new Uint8Array(128);
for (let c = 0x30; c <= 0x39; c++) WORD[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) WORD[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) WORD[c] = 1;
for (const c of '-_.:') WORD[c.charCodeAt(0)] = 1;

function isBlank(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Where the string at `at` ends: after its closing quote (`\` escapes a character), else at its line's end. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** `!=`, `~=` and `~~`, one token each. */
function isComparison(c: number, next: number): boolean {
  return (c === 0x21 && next === 0x3d) || (c === 0x7e && (next === 0x3d || next === 0x7e));
}

/** How many tokens `text` holds. */
export function countTokens(text: string): number {
  const end = text.length;
  let at = 0;
  let count = 0;
  for (;;) {
    while (at < end) {
      const c = text.charCodeAt(at);
      if (isBlank(c)) at++;
      else if (c === HASH) {
        const nl = text.indexOf('\n', at);
        at = nl < 0 ? end : nl;
      } else break;
    }
    if (at >= end) return count;
    const c = text.charCodeAt(at);
    if (c === QUOTE) at = stringEnd(text, at);
    else if (c < 128 && WORD[c] === 1) {
      at++;
      while (at < end && WORD[text.charCodeAt(at)] === 1) at++;
    } else at += isComparison(c, text.charCodeAt(at + 1)) ? 2 : 1;
    count++;
  }
}

if (require.main === module) {
  process.stdout.write(`${countTokens(fs.readFileSync(process.argv[2], 'utf8'))}\n`);
}
