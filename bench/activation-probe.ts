import Module from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * Measures the extension's activation outside VS Code (issue 6 target: ≤ 50 ms): loads `dist/client.js`
 * with a stand-in for the `vscode` module (every API a do-nothing proxy) and calls `activate()`. VS Code
 * counts the same two things (module load and activate) plus its own bookkeeping. Prints JSON; run once
 * per process, so the load is cold (bench/activation.ts runs it several times).
 */

const handler: ProxyHandler<object> = {
  get: (target, key) => {
    if (key === 'then') return undefined; // not a promise
    const t = target as Record<string | symbol, unknown>;
    if (!(key in t)) t[key] = new Proxy(function stub() {}, handler);
    return t[key];
  },
  apply: () => new Proxy(function stub() {}, handler),
  construct: () => new Proxy(function stub() {}, handler),
};

/** The names the bundle reads from `vscode` at load time (esbuild copies own properties). */
const NAMESPACES = ['window', 'workspace', 'commands', 'languages', 'Uri', 'Disposable', 'EventEmitter'];
const CLASSES = ['TreeItem', 'TreeItemCollapsibleState', 'ThemeIcon', 'ThemeColor', 'ViewColumn', 'Range'];
const vscode: Record<string, unknown> = { version: '1.95.0' };
for (const n of [...NAMESPACES, ...CLASSES, 'Position', 'Selection', 'env', 'extensions'])
  vscode[n] = new Proxy(function stub() {}, handler);
const stand = new Proxy(vscode, handler);

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };
const load = moduleWithLoad._load;
moduleWithLoad._load = (request, parent, isMain) =>
  request === 'vscode' ? stand : load(request, parent, isMain);

const bundle = path.resolve(__dirname, '..', '..', 'dist', 'client.js');
const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle under test, loaded on purpose
const extension = require(bundle) as { activate(context: object): unknown };
const t1 = performance.now();
const context = { subscriptions: [] as unknown[], asAbsolutePath: (p: string) => p, extensionPath: '.' };
extension.activate(context);
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1 })}\n`);
// The deferred client start would now run against the stand-in: nothing more to measure.
process.exit(0);
