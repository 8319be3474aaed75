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
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'kconfig.tmLanguage.json');

async function grammar(): Promise<IGrammar> {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  // loadWASM runs once per process; a second call returns the first call's promise.
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (scope) =>
      scope === 'source.kconfig' ? parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const g = await registry.loadGrammar('source.kconfig');
  if (!g) throw new Error('grammar source.kconfig did not load');
  return g;
}

/** The last scope of each token of one line, as `text:scope`. */
async function scopes(line: string): Promise<string[]> {
  const g = await grammar();
  return g
    .tokenizeLine(line, INITIAL)
    .tokens.map((t) => `${line.slice(t.startIndex, t.endIndex)}:${t.scopes[t.scopes.length - 1]}`);
}

describe('kconfig TextMate grammar, snippets and language configuration', () => {
  it("marks '# CONFIG_X is not set' as a setting, not a comment", async () => {
    assert.deepEqual(await scopes('# CONFIG_NFS_V4 is not set'), [
      '#:punctuation.definition.keyword.kconfig',
      ' :source.kconfig',
      'CONFIG_NFS_V4:variable.other.constant.kconfig',
      ' :source.kconfig',
      'is not set:constant.language.not-set.kconfig',
    ]);
  });

  it('scopes names, values, strings and invalid values', async () => {
    assert.deepEqual(await scopes('CONFIG_NFS_FS=y'), [
      'CONFIG_NFS_FS:variable.other.constant.kconfig',
      '=:keyword.operator.assignment.kconfig',
      'y:constant.language.tristate.kconfig',
    ]);
    assert.equal((await scopes('CONFIG_X=0x10'))[2], '0x10:constant.numeric.hex.kconfig');
    assert.equal((await scopes('CONFIG_X="a"'))[3], 'a:string.quoted.double.kconfig');
    assert.equal((await scopes('CONFIG_X=yes'))[2], 'yes:invalid.illegal.value.kconfig');
    assert.equal((await scopes('# General setup'))[0], '# General setup:comment.line.number-sign.kconfig');
  });

  it('ships parseable snippets (the NFS-root group among them) and a language configuration', () => {
    const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'kconfig.json'), 'utf8')) as Record<
      string,
      { body: string[] }
    >;
    const domU = Object.values(snippets).find((s) => s.body.includes('CONFIG_ROOT_NFS=y'));
    for (const line of [
      'CONFIG_NFS_FS=y',
      'CONFIG_IP_PNP=y',
      'CONFIG_IP_PNP_DHCP=y',
      'CONFIG_XEN_NETDEV_FRONTEND=y',
    ])
      assert.ok(domU?.body.includes(line), line);
    const conf = JSON.parse(
      readFileSync(join(ROOT, 'syntaxes', 'kconfig.language-configuration.json'), 'utf8'),
    );
    assert.equal(conf.comments.lineComment, '#');
  });
});
