import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import type { IGrammar, StateStack } from 'vscode-textmate';
import { GRUB2_RULES } from '../../../server/src/rules/grub2';
import { PXELINUX_RULES } from '../../../server/src/rules/pxelinux';
import { GRUB2_ANALYSER } from '../../../server/src/workspace/formats/grub2';
import { PXELINUX_ANALYSER } from '../../../server/src/workspace/formats/pxelinux';
import { checkBootFile } from '../helpers/boot-loader-site';

/** The project root: the nearest folder above this file (source or compiled) that holds package.json. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

const ROOT = projectRoot();

let wasm: Promise<void> | undefined;

/** Loads Oniguruma once per process; another grammar test may have loaded it already. */
function onig(): Promise<void> {
  wasm ??= (async () => {
    const bytes = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    try {
      await loadWASM(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    } catch (e) {
      if (!String(e).includes('more than once')) throw e;
    }
  })();
  return wasm;
}

async function grammar(scopeName: string, file: string): Promise<IGrammar> {
  await onig();
  const path = join(ROOT, 'syntaxes', file);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (s) => (s === scopeName ? parseRawGrammar(readFileSync(path, 'utf8'), path) : null),
  });
  const g = await registry.loadGrammar(scopeName);
  if (!g) throw new Error(`${scopeName} did not load`);
  return g;
}

/** The scopes of the token covering `needle` on the line holding it. */
async function scopesOf(g: IGrammar, text: string, needle: string): Promise<string[]> {
  let state: StateStack = INITIAL;
  for (const line of text.split('\n')) {
    const r = g.tokenizeLine(line, state);
    state = r.ruleStack;
    const at = line.indexOf(needle);
    if (at >= 0) return r.tokens.find((t) => t.startIndex <= at && at < t.endIndex)?.scopes ?? [];
  }
  return [];
}

/** A snippet body with every placeholder replaced by its default text (mirrors too). */
function expand(body: readonly string[]): string {
  let text = body.join('\n');
  const defaults = new Map<string, string>();
  for (const m of text.matchAll(/\$\{(\d+):([^{}$]*)\}/g)) if (!defaults.has(m[1])) defaults.set(m[1], m[2]);
  text = text
    .replace(/\$\{(\d+):([^{}$]*)\}/g, '$2')
    .replace(/\$\{(\d+)\}/g, (_, n: string) => defaults.get(n) ?? '');
  return `${text.replace(/\$\d+/g, '')}\n`;
}

describe('GRUB 2 and PXELINUX TextMate grammars and snippets', () => {
  it('grub2: comments, entry titles, keywords, loaders, variables, strings', async () => {
    const g = await grammar('source.grub2', 'grub2.tmLanguage.json');
    const text =
      '# c\nmenuentry \'Xen\' --class xen {\n\tif [ x$a = xy ]; then\n\t\tmultiboot2 /xen.gz\n\tfi\n\techo "v ${b}"\n}\n';
    assert.ok((await scopesOf(g, text, '# c')).includes('comment.line.number-sign.grub2'));
    assert.ok((await scopesOf(g, text, "'Xen'")).includes('entity.name.section.entry-title.grub2'));
    assert.ok((await scopesOf(g, text, 'if')).includes('keyword.control.grub2'));
    assert.ok((await scopesOf(g, text, 'multiboot2')).includes('support.function.loader.grub2'));
    assert.ok((await scopesOf(g, text, '${b}')).includes('variable.other.grub2'));
  });

  it('pxelinux: comments, labels, keywords in any case, the mboot separator', async () => {
    const g = await grammar('source.pxelinux', 'pxelinux.tmLanguage.json');
    const text = '# c\nLABEL xen\n  kernel mboot.c32\n  APPEND xen.gz --- vmlinuz root=/dev/nfs\n';
    assert.ok((await scopesOf(g, text, '# c')).includes('comment.line.number-sign.pxelinux'));
    assert.ok((await scopesOf(g, text, 'xen\n'.trim())).length > 0);
    assert.ok((await scopesOf(g, text, 'kernel')).includes('keyword.other.pxelinux'));
    assert.ok((await scopesOf(g, text, '---')).includes('punctuation.separator.mboot.pxelinux'));
  });

  it('every snippet, with its default text, is a valid file with no finding', () => {
    const grub2 = JSON.parse(readFileSync(join(ROOT, 'snippets', 'grub2.json'), 'utf8')) as Record<
      string,
      { body: string[] }
    >;
    for (const [name, s] of Object.entries(grub2)) {
      assert.deepEqual(
        checkBootFile(GRUB2_ANALYSER, GRUB2_RULES, 'boot/grub/grub.cfg', expand(s.body), true).lines,
        [],
        name,
      );
    }
    const pxe = JSON.parse(readFileSync(join(ROOT, 'snippets', 'pxelinux.json'), 'utf8')) as Record<
      string,
      { body: string[] }
    >;
    for (const [name, s] of Object.entries(pxe)) {
      assert.deepEqual(
        checkBootFile(PXELINUX_ANALYSER, PXELINUX_RULES, 'tftp/pxelinux.cfg/default', expand(s.body), true)
          .lines,
        [],
        name,
      );
    }
  });
});
