import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from '../../fuzz/prng';

/**
 * The corpus of the grub-script-check differential test: grub.cfg files GRUB 2.06 accepts (the golden
 * fixtures: Debian installer netboot menu, update-grub output with 10_linux and 20_linux_xen entries,
 * hand-written Xen-over-NFS menus; plus short files covering each grammar rule) and deterministic
 * mutations of each: unbalanced braces, unterminated quotes, a missing `fi`, a stray `}`, and more.
 */

/** The kinds of mutation applied to every valid file. */
export type Grub2MutationKind =
  | 'drop-closing-brace'
  | 'extra-closing-brace'
  | 'unterminated-quote'
  | 'drop-fi'
  | 'drop-then'
  | 'brace-on-next-line'
  | 'empty-block'
  | 'pipe'
  | 'command-substitution'
  | 'double-semicolon'
  | 'stray-done'
  | 'trailing-backslash'
  | 'delete-line'
  | 'comment-out-line'
  | 'text-after-brace'
  | 'random-edit';

/** One file of the corpus. */
export interface Grub2Case {
  readonly name: string;
  readonly text: string;
  readonly origin: 'valid' | 'edge' | 'mutant';
  readonly mutation?: Grub2MutationKind;
}

/** Short files, each about one grammar rule (parser.y, yylex.l); some are valid, some not. */
const EDGE: readonly [string, string][] = [
  ['empty', ''],
  ['comments-only', '# nothing here\n\n'],
  ['function-only', 'function f {\n  echo f\n}\n'],
  ['one-line-entry', "menuentry 'a' { linux /vmlinuz root=/dev/nfs ip=dhcp; }\n"],
  ['block-closes-after-command', "menuentry 'a' { echo a }\n"],
  ['nested-submenus', 'submenu a { submenu b { menuentry c { echo } } }\n'],
  ['if-elif-else', 'if a; then b; elif c; then d; else e; fi\n'],
  ['for-loop', 'for i in 1 2 3; do echo $i; done\n'],
  ['for-in-keyword', 'for i in do; do echo; done\n'],
  ['while-loop', 'while false\ndo\n  echo\ndone\n'],
  ['until-loop', 'until true; do echo; done\n'],
  ['variables', 'echo $a ${b} $1 ${2} $? $# $* $@ "$c" "${d}x"\n'],
  ['multi-line-quote', 'echo "a\nb"\necho \'c\nd\'\n'],
  ['line-continuation', 'linux /vmlinuz root=/dev/nfs \\\n  ip=dhcp\n'],
  ['crlf', "set timeout=5\r\nmenuentry 'x' {\r\n  linux /vmlinuz\r\n}\r\n"],
  ['keywords-as-arguments', 'echo if then else fi do done for in while until case esac\n'],
  ['hash-inside-word', 'echo a#b c # comment "\n'],
  ['escaped-specials', 'echo \\{ \\} \\| \\& \\; \\< \\> \\$\n'],
  ['bang', '! echo\nif ! false; then echo; fi\n'],
  ['brace-word', 'echo { x }\n'],
  ['empty-block', "menuentry 'x' {\n}\n"],
  ['function-no-delimiter', 'function f { echo }\necho\n'],
  ['function-in-block', "menuentry 'x' {\n  function f { echo; }\n}\n"],
  ['bad-dollar', 'echo $(uname)\n'],
  ['bad-default-var', 'echo ${a-b}\n'],
  ['double-bracket', 'if [[ a ]]; then echo; fi\n'],
  ['redirect', 'echo a > /dev/null\n'],
  ['and-list', 'insmod a && insmod b\n'],
  ['case', 'case x in esac\n'],
  ['stray-fi', 'fi\n'],
  ['then-without-delimiter', 'if true then echo; fi\n'],
  ['empty-then', 'if true; then\nfi\n'],
  ['semicolon-first', "menuentry 'x' {\n  ; echo\n}\n"],
  ['two-semicolons', 'echo a; ; echo b\n'],
  ['after-fi', 'if a; then b; fi echo\n'],
  ['after-block', "menuentry 'x' {\n  echo\n} echo\n"],
  ['block-then-semicolon', "menuentry 'x' {\n  echo\n}; echo\n"],
  ['backslash-at-eof', 'echo a\\'],
  ['for-bad-name', 'for 1 in a; do echo; done\n'],
  ['function-bad-name', 'function f-x { echo; }\necho\n'],
  ['no-trailing-newline', "menuentry 'x' {\n  echo\n}"],
];

function fixtureDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'test', 'fixtures', 'grub2');
    try {
      readdirSync(candidate);
      return candidate;
    } catch {
      dir = join(dir, '..');
    }
  }
  throw new Error('test/fixtures/grub2 not found');
}

/** The valid fixtures of the golden tests (their names do not start with `broken-`). */
function validFixtures(): { name: string; text: string }[] {
  const dir = fixtureDir();
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.golden') && !f.startsWith('broken-'))
    .map((f) => ({ name: f.replace(/\.cfg$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
}

function replaceLine(text: string, index: number, replacement: string[]): string {
  const lines = text.split('\n');
  lines.splice(index, 1, ...replacement);
  return lines.join('\n');
}

function lineIndex(text: string, test: (line: string) => boolean, nth = 0): number {
  const hits = text.split('\n').flatMap((l, i) => (test(l) ? [i] : []));
  return hits[Math.min(nth, hits.length - 1)] ?? -1;
}

type Mutator = (text: string) => string | undefined;

const opensBlock = (l: string): boolean => /^\s*(menuentry|submenu)\b.*\{\s*$/.test(l);

/** Each mutation, applied where it makes sense; undefined when the file has no such place. */
const MUTATORS: readonly [Grub2MutationKind, Mutator][] = [
  [
    'drop-closing-brace',
    (t) => {
      const i = lineIndex(t, (l) => l.trim() === '}', 1_000);
      return i < 0 ? undefined : replaceLine(t, i, []);
    },
  ],
  [
    'extra-closing-brace',
    (t) => {
      const i = lineIndex(t, (l) => l.trim() === '}');
      return i < 0 ? undefined : replaceLine(t, i, ['}', '}']);
    },
  ],
  [
    'unterminated-quote',
    (t) => {
      const i = lineIndex(t, opensBlock);
      if (i < 0) return undefined;
      const line = t.split('\n')[i];
      const q = line.lastIndexOf("'");
      return q < 0 ? undefined : replaceLine(t, i, [line.slice(0, q) + line.slice(q + 1)]);
    },
  ],
  [
    'drop-fi',
    (t) => {
      const i = lineIndex(t, (l) => l.trim() === 'fi');
      return i < 0 ? undefined : replaceLine(t, i, []);
    },
  ],
  [
    'drop-then',
    (t) => {
      const i = lineIndex(t, (l) => /; then\s*$/.test(l));
      return i < 0 ? undefined : replaceLine(t, i, [t.split('\n')[i].replace(/; then\s*$/, '')]);
    },
  ],
  [
    'brace-on-next-line',
    (t) => {
      const i = lineIndex(t, opensBlock);
      return i < 0 ? undefined : replaceLine(t, i, [t.split('\n')[i].replace(/\s*\{\s*$/, ''), '{']);
    },
  ],
  [
    'empty-block',
    (t) => {
      const lines = t.split('\n');
      const i = lineIndex(t, opensBlock);
      if (i < 0) return undefined;
      const j = lines.findIndex((l, k) => k > i && l.trim() === '}');
      return j < 0 ? undefined : [...lines.slice(0, i + 1), ...lines.slice(j)].join('\n');
    },
  ],
  [
    'pipe',
    (t) => {
      const i = lineIndex(t, (l) => /^\s*(linux|module2?|multiboot2?|insmod)\s/.test(l));
      return i < 0 ? undefined : replaceLine(t, i, [`${t.split('\n')[i]} | head`]);
    },
  ],
  [
    'command-substitution',
    (t) => {
      const i = lineIndex(t, (l) => /^\s*(linux|module2?)\s/.test(l));
      return i < 0 ? undefined : replaceLine(t, i, [`${t.split('\n')[i]} hostname=$(hostname)`]);
    },
  ],
  [
    'double-semicolon',
    (t) => {
      const i = lineIndex(t, (l) => /^\s*(set|insmod|echo)\s/.test(l));
      return i < 0 ? undefined : replaceLine(t, i, [`${t.split('\n')[i]};;`]);
    },
  ],
  ['stray-done', (t) => `${t}done\n`],
  ['trailing-backslash', (t) => `${t.replace(/\n*$/, '\n')}echo \\`],
  [
    'delete-line',
    (t) => {
      const i = lineIndex(t, (l) => /^\s*(if|else|elif|menuentry|submenu|function)\b/.test(l), 1);
      return i < 0 ? undefined : replaceLine(t, i, []);
    },
  ],
  [
    'comment-out-line',
    (t) => {
      const i = lineIndex(t, opensBlock, 1);
      return i < 0 ? undefined : replaceLine(t, i, [`# ${t.split('\n')[i]}`]);
    },
  ],
  [
    'text-after-brace',
    (t) => {
      const i = lineIndex(t, (l) => l.trim() === '}');
      return i < 0 ? undefined : replaceLine(t, i, [`${t.split('\n')[i]} boot`]);
    },
  ],
];

const PIECES = ['{', '}', '"', "'", ';', '\n', '$', '|', '\\', ' fi', ' then', 'if ', '#', '${x}', ' ', '[['];

/** `count` files with one to three random insertions or deletions of grammar-relevant characters. */
function randomEdits(bases: readonly { name: string; text: string }[], count: number): Grub2Case[] {
  const rnd = prng(20250611);
  const out: Grub2Case[] = [];
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length];
    let text = base.text;
    const edits = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < edits; k++) {
      const at = Math.floor(rnd() * (text.length + 1));
      const del = rnd() < 0.3 ? 1 + Math.floor(rnd() * 2) : 0;
      const insert = rnd() < 0.8 ? PIECES[Math.floor(rnd() * PIECES.length)] : '';
      text = text.slice(0, at) + insert + text.slice(at + del);
    }
    out.push({ name: `${base.name}~random-edit-${i}`, text, origin: 'mutant', mutation: 'random-edit' });
  }
  return out;
}

/** The whole corpus: valid files, edge cases, and every mutation of every valid file and edge case. */
export function grub2Corpus(): Grub2Case[] {
  const valid = validFixtures();
  const cases: Grub2Case[] = [
    ...valid.map((v) => ({ ...v, origin: 'valid' as const })),
    ...EDGE.map(([name, text]) => ({ name: `edge-${name}`, text, origin: 'edge' as const })),
  ];
  const bases = [
    ...valid,
    ...EDGE.filter(([n]) => /entry|submenu|if-elif|loop|crlf/.test(n)).map(([name, text]) => ({
      name: `edge-${name}`,
      text,
    })),
  ];
  for (const base of bases) {
    for (const [kind, mutate] of MUTATORS) {
      const text = mutate(base.text);
      if (text !== undefined && text !== base.text)
        cases.push({ name: `${base.name}~${kind}`, text, origin: 'mutant', mutation: kind });
    }
  }
  cases.push(...randomEdits(bases, 300));
  return cases;
}
