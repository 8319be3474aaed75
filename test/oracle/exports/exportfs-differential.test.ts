import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Finding } from '../../../server/src/core/finding';
import { LineIndex } from '../../../server/src/core/text';
import { decodePath } from '../../../server/src/formats/exports/parser';
import { EXPORTS_RULES } from '../../../server/src/rules/exports/catalogue';
import { EXPORTS_ANALYSER } from '../../../server/src/workspace/formats/exports';
import { exportsCorpus } from './corpus';
import type { ExportsCase } from './corpus';

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

const ORACLE = join(projectRoot(), '..', 'shared', 'oracles', 'exportfs-check.sh');
const NOT_INSTALLED = 'exportfs oracle not installed: run scripts/setup-tests.sh';
const SKIP_ENV = 'XEN_NFS_BOOT_SKIP_ORACLES';
const PARALLEL = 2;
const TIMEOUT_MS = 20_000;

/** exportfs messages that depend on the machine it runs on, not on the file (shared oracles/README.md). */
const SEVERITY = new Map(EXPORTS_RULES.map((r) => [r.id, r.severity]));

const MACHINE_DEPENDENT = /^(Failed to resolve|Failed to stat)/;

/**
 * Deliberate differences, each with its reason: a message matching `message` in a case matching `name`
 * may go without a diagnostic of ours on its line. Anything else unmatched fails the suite.
 */
const ALLOWED: readonly { readonly name: RegExp; readonly message: RegExp; readonly reason: string }[] = [];

interface RunResult {
  readonly code: number | null;
  readonly output: string;
  readonly error: string | undefined;
}

function run(path: string, cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile('sh', [ORACLE, path], { cwd, timeout: TIMEOUT_MS }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      const error =
        err && typeof err.code !== 'number' ? `${err.message}${err.killed ? ' (timed out)' : ''}` : undefined;
      resolve({ code, output: `${stdout}${stderr}`, error });
    });
  });
}

/** Runs `task` over `items` with at most `limit` at once; results keep the input order. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Puts every export path under `root` (so exportfs can stat it) without moving a line: only the start of
 * each logical line changes. Returns the new text and the directories to create.
 */
function rootPaths(text: string, root: string): { text: string; dirs: string[] } {
  const dirs: string[] = [];
  let continued = false;
  const lines = text.split('\n').map((line) => {
    const wasContinued = continued;
    continued = !line.includes('#') && line.endsWith('\\');
    const m = wasContinued ? null : /^([ \t]*"?)(\/[^\s"]*(?:"?[^\s]*)?)/.exec(line);
    if (!m) return line;
    const path = decodePath(m[1].includes('"') ? (/^[ \t]*("[^"]*"?)/.exec(line)?.[1] ?? m[2]) : m[2]);
    dirs.push(join(root, path));
    return `${m[1]}${root}${line.slice(m[1].length)}`;
  });
  return { text: lines.join('\n'), dirs };
}

/** One message of exportfs, with the line it names or the words that locate it. */
interface OracleMessage {
  readonly text: string;
  readonly line: number | undefined;
  readonly keys: readonly string[];
}

function keysOf(message: string): string[] {
  const patterns: [RegExp, number[]][] = [
    [/^No options for (.*) (\S*): suggest/, [2, 1]],
    [/^No host name given with (.*?) (\(.*?\)), suggest/, [2]],
    [/^Invalid (?:prefix|netmask) `[^']*' for (\S+)/, [1]],
    [/^Invalid IP address (\S+)/, [1]],
    [/^unknown flavor (\S*)/, [1]],
  ];
  for (const [re, groups] of patterns) {
    const m = re.exec(message);
    if (m) return groups.map((g) => m[g]).filter((k) => k !== '');
  }
  return [];
}

/** Reads the `exportfs -ra` part of the oracle's output into messages (paths relative to `root` again). */
function parseMessages(output: string, root: string): OracleMessage[] {
  const start = output.indexOf('### exportfs -ra');
  const end = output.indexOf('### rc=', start);
  const body = output.slice(start, end).split(root).join('');
  const messages: OracleMessage[] = [];
  const lines = body.split('\n').slice(1);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('exportfs: ')) continue;
    const text = lines[i].slice('exportfs: '.length);
    const numbered = /^\/etc\/exports(?: \[(\d+)\]|: ?(\d+)):/.exec(text);
    if (numbered) {
      messages.push({ text, line: Number(numbered[1] ?? numbered[2]), keys: [] });
    } else if (/duplicated export entries:$/.test(text)) {
      const entries: string[] = [];
      while (lines[i + 1]?.startsWith('exportfs: \t')) entries.push(lines[++i].slice('exportfs: \t'.length));
      const m = /^(.*?):(\S+)/.exec(entries[0] ?? '');
      messages.push({ text: `${text} ${entries.join(' | ')}`, line: undefined, keys: m ? [m[1], m[2]] : [] });
    } else {
      messages.push({ text, line: undefined, keys: keysOf(text) });
    }
  }
  return messages.filter((m, i) => messages.findIndex((x) => x.text === m.text) === i);
}

/** Physical lines (1-based) exportfs may mean by line N: its count skips lines holding a comment. */
function candidateLines(text: string, m: OracleMessage): number[] {
  const lines = text.split('\n');
  const out: number[] = [];
  let comments = 0;
  lines.forEach((line, i) => {
    const body = line.replace(/#.*/, '').trim();
    const ok =
      m.line !== undefined
        ? body !== '' && i + 1 - comments === m.line
        : m.keys.length > 0 && m.keys.every((k) => line.includes(k) || decodePath(line).includes(k));
    if (ok) out.push(i + 1);
    if (line.includes('#')) comments++;
  });
  return out;
}

function ourFindings(c: ExportsCase, i: number): Finding[] {
  const uri = `file:///corpus/c${i}/exports`;
  const f = EXPORTS_ANALYSER.analyse(uri, c.text, { path: 'etc/exports', toolstack: 'xl' });
  return [...EXPORTS_ANALYSER.check(f), ...EXPORTS_ANALYSER.checkSet([f])];
}

function findingLines(text: string, findings: readonly Finding[]): Set<number> {
  const index = new LineIndex(text);
  const lines = new Set<number>();
  for (const f of findings) {
    const s = index.position(f.span.start).line + 1;
    const e = index.position(f.span.end).line + 1;
    for (let l = s; l <= e; l++) lines.add(l);
  }
  return lines;
}

interface Outcome {
  readonly c: ExportsCase;
  readonly code: number | null;
  readonly messages: readonly OracleMessage[];
  readonly findings: readonly Finding[];
  readonly unmatched: readonly string[];
  /** The names exportfs could not resolve (it drops those clients and goes on). */
  readonly resolveFailures: readonly string[];
}

async function oracleProblem(dir: string): Promise<string | undefined> {
  if (!existsSync(ORACLE)) return `no ${ORACLE}`;
  mkdirSync(join(dir, 'probe'), { recursive: true });
  const probe = join(dir, 'probe.exports');
  writeFileSync(probe, `${join(dir, 'probe')} 127.0.0.1(ro,sync,no_subtree_check)\n`);
  const r = await run(probe, dir);
  if (r.code !== 0 || !r.output.includes('### exportfs -v'))
    return `exit ${r.code}: ${r.error ?? r.output.trim()}`;
  return undefined;
}

async function compare(c: ExportsCase, i: number, dir: string): Promise<Outcome> {
  const root = join(dir, 'root');
  const { text, dirs } = rootPaths(c.text, root);
  for (const d of dirs) mkdirSync(d, { recursive: true });
  const path = join(dir, `c${String(i).padStart(4, '0')}.exports`);
  writeFileSync(path, text);
  const r = await run(path, join(dir, 'cwd'));
  const all = parseMessages(r.output, root);
  const messages = all.filter((m) => !MACHINE_DEPENDENT.test(m.text));
  const resolveFailures = all.flatMap((m) => /^Failed to resolve (\S+)/.exec(m.text)?.[1] ?? []);
  const findings = ourFindings(c, i);
  const ours = findingLines(c.text, findings);
  const unmatched = messages
    .filter((m) => !candidateLines(c.text, m).some((l) => ours.has(l)))
    .filter((m) => !ALLOWED.some((a) => a.name.test(c.name) && a.message.test(m.text)))
    .map((m) => m.text);
  return { c, code: r.code, messages, findings, unmatched, resolveFailures };
}

describe('exportfs differential (nfs-utils 2.6 exportfs)', function () {
  this.timeout(180_000);
  const corpus = exportsCorpus();
  let dir = '';
  let outcomes: Outcome[] = [];

  before(async function () {
    dir = mkdtempSync(join(tmpdir(), 'exportfs-differential-'));
    mkdirSync(join(dir, 'cwd'));
    const problem = await oracleProblem(dir);
    if (problem) {
      if (process.env[SKIP_ENV] === '1') {
        console.log(`\n  SKIPPED: ${NOT_INSTALLED} (${problem}); ${SKIP_ENV}=1 is set\n`);
        this.skip();
      }
      throw new Error(`${NOT_INSTALLED} (${problem})`);
    }
    outcomes = await pool(
      corpus.map((c, i) => ({ c, i })),
      PARALLEL,
      ({ c, i }) => compare(c, i, dir),
    );
    const total = outcomes.reduce((n, o) => n + o.messages.length, 0);
    const unmatched = outcomes.reduce((n, o) => n + o.unmatched.length, 0);
    const pct = total === 0 ? '100.0' : ((100 * (total - unmatched)) / total).toFixed(1);
    if (process.env.EXPORTFS_DIFFERENTIAL_VERBOSE === '1') {
      for (const o of outcomes)
        console.log(`  ${o.c.name}: exit ${o.code}\n    ${o.messages.map((m) => m.text).join('\n    ')}`);
    }
    console.log(
      `\n  exportfs differential: ${outcomes.length} files, ${total} messages, ${total - unmatched} matched (${pct}%)\n`,
    );
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exportfs accepts every valid file of the corpus, and we report no error in it', () => {
    const problems = outcomes
      .filter((o) => o.c.origin === 'valid')
      .flatMap((o) => {
        const errors = o.findings.filter((f) =>
          [
            'exports/syntax',
            'exports/unknown-option',
            'exports/invalid-client',
            'exports/invalid-option-value',
            'exports/duplicate-client',
            'exports/relative-path',
          ].includes(f.ruleId),
        );
        const out: string[] = [];
        if (o.code !== 0)
          out.push(`${o.c.name}: exportfs exit ${o.code}: ${o.messages.map((m) => m.text).join(' / ')}`);
        if (errors.length > 0)
          out.push(`${o.c.name}: our errors: ${errors.map((f) => f.message).join(' / ')}`);
        return out;
      });
    assert.deepEqual(problems, []);
  });

  it('every warning and error exportfs prints has a diagnostic of ours on that line', () => {
    const problems = outcomes
      .filter((o) => o.unmatched.length > 0)
      .map(
        (o) =>
          `${o.c.name}${o.c.mutation ? ` [${o.c.mutation.detail}]` : ''}\n    ${o.unmatched.join('\n    ')}`,
      );
    assert.equal(
      problems.length,
      0,
      `${problems.length} files with unmatched exportfs messages:\n${problems.join('\n')}`,
    );
  });

  it('where exportfs exits 0, we report no error (a name that does not resolve aside)', () => {
    const problems = outcomes
      .filter((o) => o.code === 0)
      .flatMap((o) =>
        o.findings
          .filter((f) => (f.severity ?? SEVERITY.get(f.ruleId)) === 'error')
          .filter(
            (f) =>
              !(
                f.ruleId === 'exports/invalid-client' &&
                o.resolveFailures.some((n) => o.c.text.slice(f.span.start, f.span.end) === n)
              ),
          )
          .map((f) => `${o.c.name}: ${f.ruleId}: ${f.message}`),
      );
    assert.deepEqual(problems, []);
  });

  it('every mutation kind reached exportfs at least once', () => {
    const kinds = new Set(outcomes.flatMap((o) => (o.c.mutation ? [o.c.mutation.kind] : [])));
    assert.ok(kinds.size >= 20, `only ${kinds.size} mutation kinds in the corpus`);
  });
});
