import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadWASM, createOnigScanner, createOnigString } from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import type { IGrammar, StateStack } from 'vscode-textmate';
import { GRUB_COMMANDS } from '../../../server/src/formats/grub/options';

/** The project root: the nearest folder above this file (source or compiled) that holds package.json. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

const ROOT = projectRoot();
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'grub-legacy.tmLanguage.json');

let grammarPromise: Promise<IGrammar> | undefined;

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  // A second loadWASM in the same process returns the first one's promise.
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.grub-legacy'
        ? parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH)
        : null,
  });
  const grammar = await registry.loadGrammar('source.grub-legacy');
  if (!grammar) throw new Error('grammar source.grub-legacy did not load');
  return grammar;
}

/** `text → scopes` for every token of a text, lines tokenized in order as an editor does. */
async function scopes(text: string): Promise<Map<string, string>> {
  grammarPromise ??= loadGrammar();
  const g = await grammarPromise;
  let state: StateStack = INITIAL;
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const r = g.tokenizeLine(line, state);
    state = r.ruleStack;
    for (const t of r.tokens) {
      const s = line.slice(t.startIndex, t.endIndex);
      if (s.trim()) out.set(s, t.scopes.slice(1).join(' '));
    }
  }
  return out;
}

describe('GRUB legacy TextMate grammar', () => {
  it('scopes commands, titles, devices, paths, parameters and continuations', async () => {
    const s = await scopes(
      [
        '# xenhopt=dom0_mem=512M',
        '# a comment',
        'default=0',
        'title   Dom0 - NFS',
        '  root (hd0,2,a)',
        '  kernel --type=multiboot /xen.gz dom0_mem=32M',
        '  module /vmlinuz ip=dhcp \\',
        '         nfsroot=192.168.0.5:/srv',
        '  kernal /x',
      ].join('\n'),
    );
    assert.equal(s.get('xenhopt'), 'variable.other.magic-comment.grub-legacy');
    assert.equal(s.get(' a comment'), 'comment.line.number-sign.grub-legacy');
    assert.equal(s.get('default'), 'keyword.other.command.grub-legacy');
    assert.equal(s.get('title'), 'keyword.control.title.grub-legacy');
    assert.equal(s.get('Dom0 - NFS'), 'entity.name.section.entry.grub-legacy');
    assert.equal(s.get('(hd0,2,a)'), 'constant.other.device.grub-legacy');
    assert.equal(s.get('--type'), 'variable.parameter.option.grub-legacy');
    assert.equal(s.get('/xen.gz'), 'string.unquoted.path.grub-legacy');
    assert.equal(s.get('dom0_mem'), 'variable.parameter.kernel.grub-legacy');
    assert.equal(s.get('\\'), 'constant.character.escape.line-continuation.grub-legacy');
    assert.equal(s.get('nfsroot'), 'variable.parameter.kernel.grub-legacy');
    assert.equal(s.get('kernal'), 'invalid.illegal.unknown-command.grub-legacy');
  });

  it('knows every command of the table', async () => {
    const names = GRUB_COMMANDS.filter((c) => c.scope !== 'title').map((c) => c.name);
    const s = await scopes(names.map((n) => `${n} x`).join('\n'));
    for (const n of names) assert.equal(s.get(n), 'keyword.other.command.grub-legacy', n);
  });

  it('ships a Xen-over-NFS snippet', () => {
    const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'grub-legacy.json'), 'utf8')) as Record<
      string,
      { body: string[] }
    >;
    const body = snippets['Xen-over-NFS entry'].body.join('\n');
    assert.match(
      body,
      /^title \$\{1:Xen \/ Linux \(NFS root\)\}\n\troot \$\{2:\(nd\)\}\n\tkernel \$\{3:\/xen\.gz\} dom0_mem=/,
    );
    assert.match(
      body,
      /module \$\{5:\/vmlinuz\} root=\/dev\/nfs nfsroot=\$\{6:server\}:\$\{7:path\} ip=dhcp/,
    );
  });
});
