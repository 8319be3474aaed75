import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import type { IGrammar } from 'vscode-textmate';

function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

const ROOT = projectRoot();
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'nfs-exports.tmLanguage.json');
const SCOPE = 'source.nfs-exports';

let grammarPromise: Promise<IGrammar> | undefined;

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  // loadWASM returns the first call's promise when called again (the Xen grammar test loads it too).
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (name) =>
      name === SCOPE ? parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const grammar = await registry.loadGrammar(SCOPE);
  if (!grammar) throw new Error(`grammar ${SCOPE} did not load`);
  return grammar;
}

/** The innermost scope of every character of `needle` in `line` (they must agree). */
async function scopeOf(line: string, needle: string): Promise<string> {
  grammarPromise ??= loadGrammar();
  const { tokens } = (await grammarPromise).tokenizeLine(line, INITIAL);
  const at = line.indexOf(needle);
  assert.notEqual(at, -1);
  const scopes = new Set(
    tokens
      .filter((t) => t.startIndex < at + needle.length && t.endIndex > at)
      .map((t) => t.scopes[t.scopes.length - 1]),
  );
  assert.equal(scopes.size, 1, `${needle}: ${[...scopes].join(' | ')}`);
  return [...scopes][0];
}

describe('nfs-exports TextMate grammar', () => {
  const line = '/srv/octal\\040name 192.168.2.0/24(rw,fsid=0,bogus) @grp(ro) host (rw) # note';
  it('scopes the path, its escape, clients, options, values and comments', async () => {
    assert.equal(await scopeOf(line, '/srv/octal'), 'string.unquoted.path.nfs-exports');
    assert.equal(await scopeOf(line, '\\040'), 'constant.character.escape.octal.nfs-exports');
    assert.equal(await scopeOf(line, '192.168.2.0/24'), 'constant.numeric.address.nfs-exports');
    assert.equal(await scopeOf(line, 'rw'), 'keyword.other.option.nfs-exports');
    assert.equal(await scopeOf(line, 'bogus'), 'invalid.illegal.unknown-option.nfs-exports');
    assert.equal(await scopeOf(line, '@grp'), 'entity.name.tag.netgroup.nfs-exports');
    assert.equal(await scopeOf(line, ' note'), 'comment.line.number-sign.nfs-exports');
  });

  it('marks the space before ( that sends options to the world', async () => {
    assert.equal(await scopeOf('/srv/a host (rw)', 'host'), 'entity.name.tag.client.nfs-exports');
    grammarPromise ??= loadGrammar();
    const { tokens } = (await grammarPromise).tokenizeLine('/srv/a host (rw)', INITIAL);
    const gap = tokens.find((t) => t.startIndex === 11);
    assert.equal(gap?.scopes[gap.scopes.length - 1], 'invalid.illegal.space-before-options.nfs-exports');
  });

  it('reads - default lists', async () => {
    assert.equal(
      await scopeOf('/srv/a -sync,no_subtree_check h', 'no_subtree_check'),
      'keyword.other.option.nfs-exports',
    );
  });
});
