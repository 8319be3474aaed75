import { createRng, validCases } from './corpus';
import type { DhcpCorpusCase, DhcpMutationKind } from './corpus';

/** Systematic mutations of the valid dhcpd.conf files: each kind, a few seeded variants per file. */

type Rng = () => number;
type Mutation = (text: string, rng: Rng) => { text: string; detail: string } | undefined;

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Picks one match of `re` (global) with the PRNG. */
function pickMatch(text: string, re: RegExp, rng: Rng): RegExpExecArray | undefined {
  const all = [...text.matchAll(re)] as RegExpExecArray[];
  return all.length ? all[Math.floor(rng() * all.length)] : undefined;
}

function replaceAt(text: string, m: RegExpExecArray, replacement: string): string {
  return text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length);
}

function dropChar(ch: string): Mutation {
  return (text, rng) => {
    const re = new RegExp(ch === '"' ? '"' : `\\${ch}`, 'g');
    const m = pickMatch(text, re, rng);
    return m
      ? { text: replaceAt(text, m, ''), detail: `dropped '${ch}' on line ${lineOf(text, m.index)}` }
      : undefined;
  };
}

function replaceOne(re: RegExp, make: (m: RegExpExecArray, rng: Rng) => string, what: string): Mutation {
  return (text, rng) => {
    const m = pickMatch(text, re, rng);
    if (!m) return undefined;
    const replacement = make(m, rng);
    return {
      text: replaceAt(text, m, replacement),
      detail: `${what} on line ${lineOf(text, m.index)}: ${m[0].trim()} -> ${replacement.trim()}`,
    };
  };
}

const ADDRESS = /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g;
const MAC = /\b[0-9a-f]{1,2}(?::[0-9a-f]{1,2}){5}\b/gi;
const KEYWORD_LINE =
  /^([ \t]*)(subnet|host|option|range|hardware|fixed-address|next-server|filename|group|class|pool|authoritative|default-lease-time|max-lease-time|shared-network|allow|deny|match|key|zone|failover|vendor-option-space|ddns-update-style)\b/gm;

function misspell(word: string, rng: Rng): string {
  const i = 1 + Math.floor(rng() * (word.length - 2));
  return rng() < 0.5
    ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    : word.slice(0, i) + word.slice(i + 1);
}

const MUTATIONS: Readonly<Record<DhcpMutationKind, Mutation>> = {
  'drop-semicolon': replaceOne(/;[ \t]*(?=\r?\n)/g, () => '', 'dropped ;'),
  'drop-lbrace': dropChar('{'),
  'drop-rbrace': dropChar('}'),
  'drop-quote': dropChar('"'),
  'bad-octet': replaceOne(
    ADDRESS,
    (m, rng) => m[0].replace(/\d+$/, rng() < 0.5 ? '256' : '999'),
    'bad octet',
  ),
  'short-address': replaceOne(ADDRESS, (m) => m[0].replace(/\.\d+$/, ''), 'three octets'),
  'bad-mac': replaceOne(
    MAC,
    (m, rng) => m[0].replace(/[0-9a-f]{1,2}$/i, rng() < 0.5 ? 'zz' : 'g1'),
    'bad MAC',
  ),
  'long-mac': replaceOne(MAC, (m) => `${m[0]}:aa`, 'seven-octet MAC'),
  'misspell-keyword': replaceOne(KEYWORD_LINE, (m, rng) => m[1] + misspell(m[2], rng), 'misspelt keyword'),
  'duplicate-host': (text, rng) => {
    const m = pickMatch(text, /^[ \t]*host [\w.-]+ \{[^{}]*\}/gm, rng);
    if (!m) return undefined;
    const copy = m[0].trim().replace(MAC, '02:00:00:00:00:99');
    return {
      text: `${text}${copy}\n`,
      detail: `copied host block of line ${lineOf(text, m.index)} to the end`,
    };
  },
  'undeclared-option': (text, rng) => {
    if (rng() < 0.5)
      return {
        text: `${text}option site-boot-menu "menu.cfg";\n`,
        detail: 'added an undeclared option at the end',
      };
    return replaceOne(
      /option (root-path|domain-name|routers|host-name|option-150|grub-menu|wpad)\b/g,
      (m) => `option ${misspell(m[1], rng)}`,
      'misspelt option',
    )(text, rng);
  },
  'range-outside-subnet': replaceOne(
    /range (dynamic-bootp )?[\d.]+( [\d.]+)?;/g,
    (m) => `range ${m[1] ?? ''}203.0.113.10 203.0.113.20;`,
    'range elsewhere',
  ),
  'fixed-address-form': replaceOne(
    /fixed-address [^;]+;/g,
    (_m, rng) => {
      const forms = [
        'fixed-address "10.0.0.1";',
        'fixed-address boot.example.org;',
        'fixed-address 10.0.0.1, 10.0.0.2;',
        'fixed-address 10.0.0;',
        'fixed-address 10.0.0.1 10.0.0.2;',
      ];
      return forms[Math.floor(rng() * forms.length)];
    },
    'fixed-address form',
  ),
  'stray-semicolon': replaceOne(/}/g, () => '};', 'semicolon after }'),
  'extra-rbrace': (text) => ({ text: `${text}}\n`, detail: 'extra } at the end' }),
  'bad-netmask': replaceOne(/netmask [\d.]+/g, () => 'netmask 255.0.255.0', 'non-contiguous netmask'),
  'host-bits-in-subnet': replaceOne(
    /subnet (\d+\.\d+\.\d+)\.\d+/g,
    (m) => `subnet ${m[1]}.5`,
    'host bits in subnet number',
  ),
  'bad-hardware-type': replaceOne(
    /hardware ethernet/g,
    (_m, rng) => (rng() < 0.5 ? 'hardware ethernt' : 'hardware token-ring'),
    'hardware type',
  ),
  'unquoted-filename': replaceOne(/filename "([^"]*)"/g, (m) => `filename ${m[1]}`, 'unquoted filename'),
  'wrong-value-type': (text, rng) => {
    const forms: [RegExp, (m: RegExpExecArray) => string][] = [
      [/option routers ([\d.]+)/g, (m) => `option routers "${m[1]}"`],
      [/default-lease-time \d+/g, () => 'default-lease-time ten'],
      [/option interface-mtu \d+/g, () => 'option interface-mtu 70000'],
      [/option domain-name "[^"]*"/g, () => 'option domain-name 10.0.0.1'],
      [/next-server [\d.]+/g, () => 'next-server boot.example.org'],
      [/option ip-forwarding off/g, () => 'option ip-forwarding 0'],
    ];
    const [re, make] = forms[Math.floor(rng() * forms.length)];
    return replaceOne(re, make, 'value of another type')(text, rng);
  },
  'misplaced-statement': (text, rng) => {
    const m = pickMatch(text, /^[ \t]*(range|hardware ethernet|fixed-address) [^;\n]+;[ \t]*\r?\n/gm, rng);
    if (!m) return undefined;
    return {
      text: `${replaceAt(text, m, '')}${m[0].trim()}\n`,
      detail: `moved '${m[0].trim()}' from line ${lineOf(text, m.index)} to the top level`,
    };
  },
};

/** Variants per (file, kind); the large generated file gets one. */
const VARIANTS = 4;

/** The whole corpus: every valid file, then its mutants (duplicates of one text dropped). */
export function dhcpCorpus(): DhcpCorpusCase[] {
  const valid = validCases();
  const out: DhcpCorpusCase[] = [...valid];
  const seen = new Set(valid.map((c) => c.text));
  let seed = 1;
  for (const base of valid) {
    for (const kind of Object.keys(MUTATIONS) as DhcpMutationKind[]) {
      const n = base.origin === 'generated' && base.name.endsWith('large') ? 1 : VARIANTS;
      for (let v = 0; v < n; v++) {
        const result = MUTATIONS[kind](base.text, createRng(seed++));
        if (!result || seen.has(result.text)) continue;
        seen.add(result.text);
        out.push({
          name: `${base.name}~${kind}-${v}`,
          text: result.text,
          origin: 'mutant',
          mutation: { kind, of: base.name, detail: result.detail },
        });
      }
    }
  }
  return out;
}
