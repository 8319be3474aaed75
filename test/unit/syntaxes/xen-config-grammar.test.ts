import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadWASM, createOnigScanner, createOnigString } from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import type { IGrammar, StateStack } from 'vscode-textmate';

/** The project root: the nearest folder above this file (source or compiled) that holds package.json. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

const ROOT = projectRoot();
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'xen-config.tmLanguage.json');
const LANGUAGE_CONFIGURATION_PATH = join(ROOT, 'syntaxes', 'xen-config.language-configuration.json');
const SNIPPETS_PATH = join(ROOT, 'snippets', 'xen-config.json');

/** One token of a tokenized line, with its text. */
interface ScopedToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly scopes: readonly string[];
}

let grammarPromise: Promise<IGrammar> | undefined;

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.xen-config'
        ? parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH)
        : null,
  });
  const grammar = await registry.loadGrammar('source.xen-config');
  if (!grammar) throw new Error('grammar source.xen-config did not load');
  return grammar;
}

/** Loads the grammar once for the whole file (loadWASM may run only once per process). */
function grammar(): Promise<IGrammar> {
  grammarPromise ??= loadGrammar();
  return grammarPromise;
}

/** Tokenizes a text line by line, carrying the rule stack across lines as an editor does. */
async function tokenize(text: string): Promise<ScopedToken[][]> {
  const g = await grammar();
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = g.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      text: line.slice(t.startIndex, t.endIndex),
      start: t.startIndex,
      end: Math.min(t.endIndex, line.length),
      scopes: t.scopes,
    }));
  });
}

/** The tokens of a one-line text. */
async function tokenizeLine(line: string): Promise<ScopedToken[]> {
  const [tokens] = await tokenize(line);
  return tokens;
}

/** Whether a token carries a scope equal to `scope` or starting with `scope.`. */
function hasScope(token: ScopedToken, scope: string): boolean {
  return token.scopes.some((s) => s === scope || s.startsWith(`${scope}.`));
}

/** The tokens covering the `occurrence`-th (0-based) appearance of `needle` in `line`. */
function tokensOf(
  line: string,
  tokens: readonly ScopedToken[],
  needle: string,
  occurrence = 0,
): ScopedToken[] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = line.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `"${needle}" (occurrence ${occurrence}) not found in ${JSON.stringify(line)}`);
  }
  const end = at + needle.length;
  return tokens.filter((t) => t.start < end && t.end > at);
}

/** Asserts that every character of `needle` in `line` carries `scope`. */
function assertScope(
  line: string,
  tokens: readonly ScopedToken[],
  needle: string,
  scope: string,
  occurrence = 0,
): void {
  for (const token of tokensOf(line, tokens, needle, occurrence)) {
    assert.ok(
      hasScope(token, scope),
      `expected ${JSON.stringify(token.text)} (part of ${JSON.stringify(needle)}) to have ${scope}, got ${token.scopes.join(' ')}`,
    );
  }
}

/** Asserts that no character of `needle` in `line` carries `scope`. */
function assertNoScope(line: string, tokens: readonly ScopedToken[], needle: string, scope: string): void {
  for (const token of tokensOf(line, tokens, needle)) {
    assert.ok(
      !hasScope(token, scope),
      `expected ${JSON.stringify(token.text)} not to have ${scope}, got ${token.scopes.join(' ')}`,
    );
  }
}

/** Parses a JSON file into an unknown value (the tests check its shape). */
function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringOrStrings(value: unknown): value is string | string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

/** A snippet body with every tab stop, placeholder and choice replaced by its default text. */
function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  const withPlaceholders = body
    .replace(/\$\{(\d+)\|([^|,]*)[^|]*\|\}/g, (_m, n: string, first: string) => {
      defaults.set(n, first);
      return first;
    })
    .replace(/\$\{(\d+):([^${}]*)\}/g, (_m, n: string, text: string) => {
      defaults.set(n, text);
      return text;
    });
  return withPlaceholders.replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a?: string, b?: string) => {
    return defaults.get(a ?? b ?? '') ?? '';
  });
}

// Lines of the seed how-to's domU config (seeds/000, saved as /etc/xen/domu1).
const SEED = {
  comment: '# Kernel image file.',
  commentedKey: '#kernel = "/boot/vmlinuz-3.0.4"',
  kernel: 'kernel = "/home/giorgos/xen/domains/domu1/vmlinux-3.0.4-domu"',
  memory: 'memory = 128',
  vif: "vif = [ '','bridge=br0' ]",
  hostname: "hostname='domu1\u2019",
  nfsServer: "nfs_server ='192.168.2.1'",
  extra: 'extra = "root=/dev/nfs nfsroot=192.168.2.1:/export/x"',
};

describe('xen-config TextMate grammar', () => {
  it('scopes a comment line, including a commented-out assignment', async () => {
    const tokens = await tokenizeLine(SEED.comment);
    assertScope(SEED.comment, tokens, SEED.comment, 'comment.line.number-sign');
    assertScope(SEED.comment, tokens, '#', 'punctuation.definition.comment');
    const commented = await tokenizeLine(SEED.commentedKey);
    assertScope(SEED.commentedKey, commented, SEED.commentedKey, 'comment.line.number-sign');
    assertNoScope(SEED.commentedKey, commented, 'kernel', 'variable.other.key');
  });

  it('scopes a known key, its = and its double-quoted string', async () => {
    const line = SEED.kernel;
    const tokens = await tokenizeLine(line);
    assertScope(line, tokens, 'kernel', 'variable.other.key');
    assertScope(line, tokens, 'kernel', 'support.type.property-name');
    assertScope(line, tokens, '=', 'keyword.operator.assignment');
    assertScope(line, tokens, '"/home/giorgos/xen/domains/domu1/vmlinux-3.0.4-domu"', 'string.quoted.double');
    assertScope(line, tokens, '"', 'punctuation.definition.string.begin');
  });

  it('gives an unknown key the key scope but not the known-key scope', async () => {
    const line = 'kernal = "/x"';
    const tokens = await tokenizeLine(line);
    assertScope(line, tokens, 'kernal', 'variable.other.key');
    assertNoScope(line, tokens, 'kernal', 'support.type.property-name');
  });

  it('scopes decimal, hexadecimal and octal numbers', async () => {
    const tokens = await tokenizeLine(SEED.memory);
    assertScope(SEED.memory, tokens, 'memory', 'support.type.property-name');
    assertScope(SEED.memory, tokens, '128', 'constant.numeric.integer.decimal');
    const line = 'maxmem = 0x400; vcpus = 010';
    const more = await tokenizeLine(line);
    assertScope(line, more, '0x400', 'constant.numeric.integer.hexadecimal');
    assertScope(line, more, '010', 'constant.numeric.integer.octal');
    assertScope(line, more, ';', 'punctuation.terminator.statement');
    assertScope(line, more, 'vcpus', 'support.type.property-name');
  });

  it('scopes a vif list with an empty spec and a bridge= pair', async () => {
    const line = SEED.vif;
    const tokens = await tokenizeLine(line);
    assertScope(line, tokens, 'vif', 'support.type.property-name');
    assertScope(line, tokens, '[', 'punctuation.definition.list.begin');
    assertScope(line, tokens, "''", 'string.quoted.single');
    assertScope(line, tokens, ',', 'punctuation.separator.list');
    assertScope(line, tokens, "'bridge=br0'", 'meta.structure.list');
    assertScope(line, tokens, 'bridge', 'entity.other.attribute-name');
    assertScope(line, tokens, 'br0', 'string.unquoted.parameter-value');
    assertScope(line, tokens, ']', 'punctuation.definition.list.end');
  });

  it('marks a MAC address inside a vif spec', async () => {
    const line = "vif = [ 'mac=00:16:3e:01:02:03,bridge=br0', ]";
    const tokens = await tokenizeLine(line);
    assertScope(line, tokens, 'mac', 'entity.other.attribute-name');
    assertScope(line, tokens, '00:16:3e:01:02:03', 'constant.numeric.mac-address');
    assertScope(line, tokens, 'bridge', 'entity.other.attribute-name');
  });

  it('marks the typographic quote that closes a string as invalid, and ends the string there', async () => {
    const line = `${SEED.hostname} # set the hostname`;
    const tokens = await tokenizeLine(line);
    assertScope(line, tokens, 'hostname', 'support.type.property-name.xm');
    assertScope(line, tokens, '\u2019', 'invalid.illegal');
    assertScope(line, tokens, 'domu1', 'string.quoted.single');
    assertScope(line, tokens, '# set the hostname', 'comment.line.number-sign');
    assertNoScope(line, tokens, '# set the hostname', 'string');
  });

  it('marks a string opened with a typographic quote as invalid', async () => {
    const line = 'extra = \u201croot=/dev/nfs\u201d';
    const tokens = await tokenizeLine(line);
    assertScope(line, tokens, '\u201c', 'invalid.illegal');
    assertScope(line, tokens, '\u201d', 'invalid.illegal');
    assertScope(line, tokens, 'root=/dev/nfs', 'string.quoted.other.typographic');
  });

  it('leaves an apostrophe inside a properly closed string alone', async () => {
    const line = "name = 'it\u2019s'";
    const tokens = await tokenizeLine(line);
    assertScope(line, tokens, "'it\u2019s'", 'string.quoted.single');
    assertNoScope(line, tokens, '\u2019', 'invalid.illegal');
  });

  it('scopes the kernel parameters inside extra', async () => {
    const line = SEED.extra;
    const tokens = await tokenizeLine(line);
    assertScope(line, tokens, 'extra', 'support.type.property-name');
    assertScope(line, tokens, '"root=/dev/nfs nfsroot=192.168.2.1:/export/x"', 'string.quoted.double');
    assertScope(line, tokens, 'root', 'entity.other.attribute-name', 0);
    assertScope(line, tokens, '/dev/nfs', 'string.unquoted.parameter-value');
    assertScope(line, tokens, 'nfsroot', 'entity.other.attribute-name');
    assertScope(line, tokens, '192.168.2.1', 'constant.numeric.ipv4-address');
    assertScope(line, tokens, ':/export/x', 'string.unquoted.parameter-value');
  });

  it('gives xm-only keys their own scope', async () => {
    const line = SEED.nfsServer;
    const tokens = await tokenizeLine(line);
    assertScope(line, tokens, 'nfs_server', 'support.type.property-name.xm');
    assertScope(line, tokens, "'192.168.2.1'", 'string.quoted.single');
  });

  it('scopes += and keeps a list open across lines', async () => {
    const text = [
      "disk = [ 'phy:/dev/vg/domu1,xvda,w',  # root",
      "  'file:/x.img,xvdb,r',",
      ']',
      'extra += " 4"',
    ].join('\n');
    const lines = text.split('\n');
    const tokens = await tokenize(text);
    assertScope(lines[0], tokens[0], '# root', 'comment.line.number-sign');
    assertScope(lines[1], tokens[1], "'file:/x.img,xvdb,r'", 'meta.structure.list');
    assertScope(lines[2], tokens[2], ']', 'punctuation.definition.list.end');
    assertScope(lines[3], tokens[3], 'extra', 'support.type.property-name');
    assertScope(lines[3], tokens[3], '+=', 'keyword.operator.assignment.augmented');
    assertNoScope(lines[3], tokens[3], 'extra', 'meta.structure.list');
  });

  it('scopes Python constructs of xm configs', async () => {
    const text = ['import os', 'def vm_name(n):', '    if n == 1:', '        name = "VM%d" % vmid'].join(
      '\n',
    );
    const lines = text.split('\n');
    const tokens = await tokenize(text);
    assertScope(lines[0], tokens[0], 'import', 'keyword.control.python');
    assertScope(lines[1], tokens[1], 'def', 'keyword.control.python');
    assertScope(lines[1], tokens[1], 'vm_name', 'entity.name.function');
    assertScope(lines[2], tokens[2], 'if', 'keyword.control.python');
    assertScope(lines[2], tokens[2], '==', 'keyword.operator');
    assertScope(lines[3], tokens[3], 'name', 'support.type.property-name');
    assertScope(lines[3], tokens[3], '%d', 'constant.other.placeholder');
    assertScope(lines[3], tokens[3], '%', 'keyword.operator', 1);
    assertScope(lines[3], tokens[3], 'vmid', 'variable.other');
    assertNoScope(lines[3], tokens[3], '% vmid', 'string');
  });

  it('marks nothing invalid in the seed domU config apart from the typographic quote', async () => {
    const text = Object.values(SEED).join('\n');
    const tokens = await tokenize(text);
    const invalid = tokens.flat().filter((t) => hasScope(t, 'invalid'));
    assert.deepEqual(
      invalid.map((t) => t.text),
      ['\u2019'],
    );
  });
});

describe('xen-config language configuration', () => {
  it('is valid JSON with # comments and bracket pairs', () => {
    const config = readJson(LANGUAGE_CONFIGURATION_PATH);
    assert.ok(isRecord(config));
    assert.ok(isRecord(config.comments));
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.brackets, [
      ['[', ']'],
      ['(', ')'],
    ]);
  });

  it('keeps key names, IPv4 addresses and MAC addresses as single words', () => {
    const config = readJson(LANGUAGE_CONFIGURATION_PATH);
    assert.ok(isRecord(config));
    assert.equal(typeof config.wordPattern, 'string');
    const pattern = new RegExp(String(config.wordPattern), 'g');
    const words = "nfs_server = '192.168.2.1' # mac=00:16:3e:01:02:03, on_crash = rename-restart".match(
      pattern,
    );
    assert.ok(words);
    for (const word of [
      'nfs_server',
      '192.168.2.1',
      'mac',
      '00:16:3e:01:02:03',
      'on_crash',
      'rename-restart',
    ]) {
      assert.ok(words.includes(word), `${word} is not one word: ${words.join(' | ')}`);
    }
  });
});

describe('xen-config snippets', () => {
  const snippets = readJson(SNIPPETS_PATH);

  it('is valid JSON and every snippet has a prefix, a body and a description', () => {
    assert.ok(isRecord(snippets));
    assert.ok(Object.keys(snippets).length >= 5);
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.ok(isRecord(snippet), `${name} is not an object`);
      assert.ok(isStringOrStrings(snippet.prefix), `${name}: prefix`);
      assert.ok(isStringOrStrings(snippet.body), `${name}: body`);
      assert.equal(typeof snippet.description, 'string', `${name}: description`);
      assert.ok(String(snippet.description).length > 0, `${name}: empty description`);
    }
  });

  it('expands the xl NFS snippet to a command line with root=/dev/nfs, nfsroot= and ip=', () => {
    assert.ok(isRecord(snippets));
    const snippet = snippets['xl domU with NFS root'];
    assert.ok(isRecord(snippet) && Array.isArray(snippet.body));
    const text = expandSnippet(snippet.body.join('\n'));
    assert.match(
      text,
      /^extra = "root=\/dev\/nfs nfsroot=192\.168\.2\.1:\/export\/domu1,vers=3 ip=192\.168\.2\.2:192\.168\.2\.1:192\.168\.2\.1:255\.255\.255\.0:domu1:eth0:off"$/m,
    );
    assert.match(text, /mac=00:16:3e:/);
  });

  it('expands every snippet to text the grammar finds nothing invalid in', async () => {
    assert.ok(isRecord(snippets));
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.ok(isRecord(snippet));
      const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : String(snippet.body);
      const text = expandSnippet(body);
      assert.doesNotMatch(text, /\$/, `${name}: unexpanded tab stop in ${text}`);
      const invalid = (await tokenize(text)).flat().filter((t) => hasScope(t, 'invalid'));
      assert.deepEqual(
        invalid.map((t) => t.text),
        [],
        `${name}: invalid tokens`,
      );
    }
  });
});
