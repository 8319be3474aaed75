import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.join(__dirname, '../../../..');

/** The shipped sources: the language server, the CLI and the VS Code client. */
const SOURCE_ROOTS = ['server/src', 'client/src'];

/** Modules that run programs, evaluate code or open network connections. */
const FORBIDDEN_MODULES = [
  'child_process',
  'cluster',
  'worker_threads',
  'vm',
  'net',
  'http',
  'https',
  'http2',
  'dns',
  'tls',
  'dgram',
  'inspector',
];

/** Code that evaluates strings or asks vscode-languageserver to spawn npm/yarn/node (`Files.resolve*`). */
const FORBIDDEN_CODE: readonly { what: string; pattern: RegExp }[] = [
  { what: 'eval', pattern: /(?<![\w.$-])eval\s*\(/ },
  { what: 'Function constructor', pattern: /(?<![\w.$-])(?:new\s+)?Function\s*\(/ },
  { what: 'timer with a string body', pattern: /\bset(?:Timeout|Interval|Immediate)\s*\(\s*['"`]/ },
  { what: 'dynamic import', pattern: /(?<![\w.$])import\s*\(/ },
  { what: 'vscode-languageserver Files (spawns processes)', pattern: /\bFiles\s*\.\s*resolve/ },
  { what: 'vscode.tasks / terminals', pattern: /\bvscode\s*\.\s*(?:tasks|window\s*\.\s*createTerminal)\b/ },
];

/**
 * What a source may legitimately use, `path: [module or code kind]`, each with its reason. Empty today:
 * nothing in the server, the CLI or the client runs a program, evaluates code or touches the network.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|js|mjs|cjs)$/.test(e.name) ? [full] : [];
  });
}

/** The module names a source imports or requires (`node:` prefix dropped). */
function importedModules(text: string): string[] {
  const specs = [
    ...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1].replace(/^node:/, ''));
  return specs.map((s) => s.split('/')[0]);
}

/** The forbidden things one source uses, minus its allowlist entry. */
export function violations(relative: string, text: string): string[] {
  const allowed = new Set(ALLOWED[relative] ?? []);
  const modules = importedModules(text).filter((m) => FORBIDDEN_MODULES.includes(m));
  const code = FORBIDDEN_CODE.filter((c) => c.pattern.test(text)).map((c) => c.what);
  return [...new Set([...modules, ...code])].filter((v) => !allowed.has(v));
}

describe('nothing executes, evaluates or touches the network (static scan, docs/security.md)', () => {
  it('finds no child_process, vm, net/http/https/dns/tls import, eval or Function in server/src and client/src', () => {
    const files = SOURCE_ROOTS.flatMap((r) => sourceFiles(path.join(REPO, r)));
    assert.ok(
      files.length > 100,
      `only ${files.length} sources found: is the scan looking at the right place?`,
    );
    const found = files.flatMap((f) => {
      const rel = path.relative(REPO, f).split(path.sep).join('/');
      return violations(rel, fs.readFileSync(f, 'utf8')).map((v) => `${rel}: ${v}`);
    });
    assert.deepEqual(found, []);
  });

  it('would catch each of them (the scan is not vacuous)', () => {
    const samples: [string, string][] = [
      ["import { execFile } from 'node:child_process';", 'child_process'],
      ["import * as https from 'https';", 'https'],
      ["const net = require('net');", 'net'],
      ["import { lookup } from 'node:dns/promises';", 'dns'],
      ["import { runInNewContext } from 'vm';", 'vm'],
      ['const v = eval(text);', 'eval'],
      ["const f = new Function('return 1');", 'Function constructor'],
      ['setTimeout("run()", 1);', 'timer with a string body'],
      ["const m = await import('./x');", 'dynamic import'],
      ['Files.resolveGlobalNodePath();', 'vscode-languageserver Files (spawns processes)'],
      ['vscode.window.createTerminal("x");', 'vscode.tasks / terminals'],
    ];
    for (const [text, expected] of samples) assert.deepEqual(violations('x.ts', text), [expected], text);
    assert.deepEqual(
      violations('x.ts', '// evaluate(x) and myFunction(y) and retrieval\nconst a = obj.eval(1);'),
      [],
    );
  });
});
