import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildXenDomain } from '../../../server/src/formats/xen/domain';
import { parseXenConfig } from '../../../server/src/formats/xen/parser';
import type { Finding } from '../../../server/src/core/finding';
import { Workspace } from '../../../server/src/workspace/workspace';
import { SEED_000_DOMU1, xlCorpus } from './corpus';
import type { CorpusCase } from './corpus';

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
const SHARED = join(ROOT, '..', 'shared');
const SYNTAX_CHECK = join(SHARED, 'oracles', 'xl', 'xlu-syntax-check.sh');
const DRY_RUN = join(SHARED, 'oracles', 'xl', 'xl-dryrun.sh');
const NOT_INSTALLED = 'xl oracle not installed: run scripts/setup-tests.sh';
const SKIP_ENV = 'XEN_NFS_BOOT_SKIP_ORACLES';
const PARALLEL = 2;
const TIMEOUT_MS = 30_000;
const BATCH = 100;

/**
 * Deliberate differences between xl and us, each with its reason. A disagreement not listed here fails
 * the suite. `aspect` says which comparison it excuses.
 */
const ALLOWED: readonly {
  readonly name: RegExp;
  readonly aspect: 'syntax' | 'cmdline';
  readonly reason: string;
}[] = [];

interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error: string | undefined;
}

function run(file: string, args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      'sh',
      [file, ...args],
      { cwd, timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        const error =
          err && typeof err.code !== 'number'
            ? `${err.message}${err.killed ? ' (timed out)' : ''}`
            : undefined;
        resolve({ code, stdout, stderr, error });
      },
    );
  });
}

/** Runs `task` over `items` with at most `limit` running at once; results keep the input order. */
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

interface XlSyntax {
  readonly ok: boolean;
  /** What xl printed about this file (errors, warnings, disk rejections). */
  readonly messages: string[];
}

/** Reads the per-file verdicts of one xlu-syntax-check run; files with no verdict are left out. */
function parseSyntaxOutput(paths: readonly string[], r: RunResult): Map<string, XlSyntax> {
  const messages = new Map<string, string[]>(paths.map((p) => [p, []]));
  const verdict = new Map<string, boolean>();
  const byLength = [...paths].sort((a, b) => b.length - a.length);
  const owner = (line: string): string | undefined => byLength.find((p) => line.startsWith(`${p}:`));
  for (const line of r.stdout.split('\n')) {
    const p = owner(line);
    if (p && line === `${p}: OK (syntax)`) verdict.set(p, true);
  }
  let current: string | undefined;
  for (const line of r.stderr.split('\n')) {
    if (!line) continue;
    const p = owner(line) ?? current;
    current = p;
    if (!p) continue;
    messages.get(p)?.push(line.startsWith(`${p}:`) ? line.slice(p.length + 1).trim() : line.trim());
    if (line.startsWith(`${p}: parse failed`)) verdict.set(p, false);
  }
  const out = new Map<string, XlSyntax>();
  for (const p of paths) {
    const ok = verdict.get(p);
    if (ok !== undefined) out.set(p, { ok, messages: messages.get(p) ?? [] });
  }
  return out;
}

async function xlSyntax(paths: readonly string[], cwd: string): Promise<Map<string, XlSyntax>> {
  const batches: string[][] = [];
  for (let i = 0; i < paths.length; i += BATCH) batches.push(paths.slice(i, i + BATCH));
  const results = new Map<string, XlSyntax>();
  await pool(batches, PARALLEL, async (batch) => {
    const r = await run(SYNTAX_CHECK, batch, cwd);
    for (const [p, v] of parseSyntaxOutput(batch, r)) results.set(p, v);
  });
  // A file the batch gave no verdict for (a crash part-way): once more on its own.
  const missing = paths.filter((p) => !results.has(p));
  await pool(missing, PARALLEL, async (p) => {
    const r = await run(SYNTAX_CHECK, [p], cwd);
    const v = parseSyntaxOutput([p], r).get(p);
    if (v) results.set(p, v);
    else if (r.code === 1 || (r.code === null && !r.error?.includes('timed out'))) {
      results.set(p, {
        ok: false,
        messages: [`no verdict (exit ${r.code}, crash counts as rejected): ${r.stderr.trim()}`],
      });
    }
  });
  return results;
}

interface XlDryRun {
  /** `b_info.cmdline`, '' when xl sets none; undefined when xl create failed. */
  readonly cmdline: string | undefined;
  readonly stderr: string;
}

async function xlDryRun(path: string, cwd: string): Promise<XlDryRun> {
  const r = await run(DRY_RUN, [path], cwd);
  if (r.code !== 0) return { cmdline: undefined, stderr: (r.error ?? r.stderr).trim() };
  const json = JSON.parse(r.stdout) as { b_info?: { cmdline?: unknown } };
  const cmdline = json.b_info?.cmdline;
  return { cmdline: typeof cmdline === 'string' ? cmdline : '', stderr: r.stderr.trim() };
}

/** Whether the oracle runs here; the reason when it does not. */
async function oracleProblem(dir: string): Promise<string | undefined> {
  if (!existsSync(SYNTAX_CHECK) || !existsSync(DRY_RUN))
    return `no scripts under ${join(SHARED, 'oracles', 'xl')}`;
  const probe = join(dir, 'probe.cfg');
  writeFileSync(probe, 'name = "probe"\nkernel = "/boot/vmlinuz"\nmemory = 64\nextra = "probe"\n');
  const s = await run(SYNTAX_CHECK, [probe], dir);
  if (s.code !== 0 || !s.stdout.includes('OK (syntax)'))
    return `xlu-syntax-check: exit ${s.code} ${s.error ?? s.stderr.trim()}`;
  const d = await xlDryRun(probe, dir);
  if (d.cmdline !== 'probe') return `xl-dryrun: ${d.stderr || 'no b_info.cmdline'}`;
  return undefined;
}

/** Our verdict: `xen/syntax` and `xen/typographic-quote` findings under xl (the default toolstack). */
function ourFindings(c: CorpusCase, index: number): Finding[] {
  const ws = new Workspace();
  const uri = `file:///corpus/etc/xen/c${index}.cfg`;
  ws.setFile(uri, `etc/xen/c${index}.cfg`, c.text, 1, { format: 'xen-config' });
  const findings = ws.check().get(uri) ?? [];
  return findings.filter((f) => f.ruleId === 'xen/syntax' || f.ruleId === 'xen/typographic-quote');
}

function describeFindings(text: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return 'none';
  return findings
    .map((f) => {
      const line = text.slice(0, f.span.start).split('\n').length;
      return `${f.ruleId} line ${line}: ${f.message}`;
    })
    .join(' | ');
}

/** Whether the first line xl names in an error has a finding of ours (undefined when xl names none). */
function firstLineAgrees(o: Outcome): boolean | undefined {
  const first = o.xl.messages.map((m) => /^(\d+): /.exec(m)).find((m) => m !== null);
  if (!first) return undefined;
  const ours = new Set(o.ours.map((f) => o.c.text.slice(0, f.span.start).split('\n').length));
  return ours.has(Number(first[1]));
}

function allowed(name: string, aspect: 'syntax' | 'cmdline'): string | undefined {
  return ALLOWED.find((a) => a.aspect === aspect && a.name.test(name))?.reason;
}

interface Outcome {
  readonly c: CorpusCase;
  readonly xl: XlSyntax;
  readonly ours: Finding[];
  readonly dry: XlDryRun | undefined;
  readonly ourCmdline: string;
}

describe('xl differential (Xen 4.17 xl and libxlutil)', function () {
  this.timeout(180_000);
  const corpus = xlCorpus();
  let dir = '';
  let outcomes: Outcome[] = [];

  before(async function () {
    dir = mkdtempSync(join(tmpdir(), 'xl-differential-'));
    const problem = await oracleProblem(dir);
    if (problem) {
      if (process.env[SKIP_ENV] === '1') {
        console.log(`\n  SKIPPED: ${NOT_INSTALLED} (${problem}); ${SKIP_ENV}=1 is set\n`);
        this.skip();
      }
      throw new Error(`${NOT_INSTALLED} (${problem})`);
    }
    const paths = corpus.map((c, i) => {
      const p = join(dir, `c${String(i).padStart(4, '0')}.cfg`);
      writeFileSync(p, c.text);
      return p;
    });
    const syntax = await xlSyntax(paths, dir);
    const noVerdict = paths.filter((p) => !syntax.has(p));
    assert.equal(noVerdict.length, 0, `xlu-syntax-check gave no verdict for: ${noVerdict.join(', ')}`);
    const accepted = corpus.flatMap((_, i) => (syntax.get(paths[i])?.ok ? [i] : []));
    const dry = new Map<number, XlDryRun>();
    await pool(accepted, PARALLEL, async (i) => {
      dry.set(i, await xlDryRun(paths[i], dir));
    });
    outcomes = corpus.map((c, i) => ({
      c,
      xl: syntax.get(paths[i]) as XlSyntax,
      ours: ourFindings(c, i),
      dry: dry.get(i),
      ourCmdline: buildXenDomain(`file:///corpus/c${i}.cfg`, parseXenConfig(c.text), 'xl').commandLine.text,
    }));
    const agree = outcomes.filter((o) => o.xl.ok === (o.ours.length === 0)).length;
    const compared = outcomes.filter((o) => o.dry?.cmdline !== undefined);
    const cmdAgree = compared.filter((o) => o.dry?.cmdline === o.ourCmdline).length;
    const pct = ((100 * agree) / outcomes.length).toFixed(1);
    console.log(
      `\n  xl differential: ${outcomes.length} files, syntax verdicts agree on ${agree} (${pct}%), ` +
        `cmdline agrees on ${cmdAgree} of ${compared.length}`,
    );
    const lined = outcomes.map(firstLineAgrees).filter((a) => a !== undefined);
    console.log(
      `  (information: in ${lined.filter((a) => a).length} of ${lined.length} files xl rejects with a line ` +
        `number, we report a syntax finding on that line; XL_DIFFERENTIAL_VERBOSE=1 lists the others)\n`,
    );
    if (process.env.XL_DIFFERENTIAL_VERBOSE === '1') {
      for (const o of outcomes.filter((x) => firstLineAgrees(x) === false)) {
        console.log(
          `  ${o.c.name}: xl: ${o.xl.messages[0]}\n    ours: ${describeFindings(o.c.text, o.ours)}`,
        );
      }
    }
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the embedded seed config is the /etc/xen/domu1 part of shared/seeds/000_*.txt', () => {
    const seeds = join(SHARED, 'seeds');
    const file = readdirSync(seeds).find((f) => f.startsWith('000_'));
    assert.ok(file, `no 000_*.txt under ${seeds}`);
    const text = readFileSync(join(seeds, file), 'utf8');
    const start = text.indexOf('# -*- mode: python; -*-');
    const endMark = "on_crash = 'restart'";
    const end = text.indexOf(endMark, start);
    assert.ok(start >= 0 && end > start, 'seed 000 no longer has its domu1 config');
    assert.equal(SEED_000_DOMU1, `${text.slice(start, end + endMark.length)}\n`);
  });

  it('xl accepts every valid config of the corpus and xl create reads it', () => {
    const broken = outcomes
      .filter((o) => o.c.origin === 'valid' && (!o.xl.ok || o.dry?.cmdline === undefined))
      .map((o) => `${o.c.name}: ${[...o.xl.messages, o.dry?.stderr ?? ''].join(' / ')}`);
    assert.deepEqual(broken, [], `corpus configs that are not valid for xl:\n${broken.join('\n')}`);
  });

  it('our syntax verdict matches libxlutil on every file', () => {
    const problems: string[] = [];
    for (const o of outcomes) {
      if (o.xl.ok === (o.ours.length === 0) || allowed(o.c.name, 'syntax')) continue;
      const what = o.c.mutation ? ` [${o.c.mutation?.detail}]` : '';
      problems.push(
        `${o.c.name}${what}\n    xl: ${o.xl.ok ? 'accepts' : 'rejects'}: ${o.xl.messages.join(' / ') || '-'}\n` +
          `    ours: ${describeFindings(o.c.text, o.ours)}`,
      );
    }
    assert.equal(problems.length, 0, `${problems.length} syntax disagreements:\n${problems.join('\n')}`);
  });

  it('our xl command line matches b_info.cmdline of xl -N create', () => {
    const problems: string[] = [];
    for (const o of outcomes) {
      const theirs = o.dry?.cmdline;
      if (theirs === undefined || theirs === o.ourCmdline || allowed(o.c.name, 'cmdline')) continue;
      problems.push(
        `${o.c.name}\n    xl: ${JSON.stringify(theirs)}\n    ours: ${JSON.stringify(o.ourCmdline)}`,
      );
    }
    assert.equal(
      problems.length,
      0,
      `${problems.length} command-line disagreements:\n${problems.join('\n')}`,
    );
  });
});
