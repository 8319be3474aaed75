import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../../server/src/core/finding';
import { GRUB2_ANALYSER } from '../../../server/src/workspace/formats/grub2';
import { grub2Corpus } from './corpus';
import type { Grub2Case } from './corpus';

const TOOL = 'grub-script-check';
const NOT_INSTALLED = 'grub-script-check not installed: run scripts/setup-tests.sh';
const SKIP_ENV = 'XEN_NFS_BOOT_SKIP_ORACLES';
const PARALLEL = 4;
const TIMEOUT_MS = 20_000;

/**
 * Deliberate differences between grub-script-check and us, each with its reason. A disagreement not
 * listed here fails the suite.
 */
const ALLOWED: readonly { readonly name: RegExp; readonly reason: string }[] = [];

/** What grub-script-check says of a file: a syntax error, no commands, or fine. */
type Verdict = 'syntax-error' | 'no-commands' | 'ok';

interface RunResult {
  readonly code: number | null;
  readonly output: string;
  readonly error: string | undefined;
}

function run(args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(TOOL, args, { timeout: TIMEOUT_MS }, (err, stdout, stderr) => {
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

function theirVerdict(r: RunResult): Verdict | undefined {
  if (r.error !== undefined || r.code === null) return undefined;
  if (r.code === 0) return 'ok';
  if (/contains no commands/.test(r.output)) return 'no-commands';
  if (/Syntax error at line \d+/.test(r.output)) return 'syntax-error';
  return undefined;
}

function ourVerdict(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.ruleId === 'grub2/syntax')) return 'syntax-error';
  if (findings.some((f) => f.ruleId === 'grub2/no-commands')) return 'no-commands';
  return 'ok';
}

interface Outcome {
  readonly c: Grub2Case;
  readonly theirs: Verdict | undefined;
  readonly ours: Verdict;
  readonly output: string;
  readonly findings: readonly Finding[];
}

async function compare(c: Grub2Case, i: number, dir: string): Promise<Outcome> {
  const path = join(dir, `c${String(i).padStart(4, '0')}.cfg`);
  writeFileSync(path, c.text);
  const r = await run([path]);
  const file = GRUB2_ANALYSER.analyse(`file:///corpus/${i}/grub.cfg`, c.text, {
    path: 'boot/grub/grub.cfg',
    toolstack: 'xl',
  });
  const findings = GRUB2_ANALYSER.check(file);
  return { c, theirs: theirVerdict(r), ours: ourVerdict(findings), output: r.error ?? r.output, findings };
}

describe('grub-script-check differential (GRUB 2.06)', function () {
  this.timeout(180_000);
  const corpus = grub2Corpus();
  let dir = '';
  let outcomes: Outcome[] = [];

  before(async function () {
    const probe = await run(['--version']);
    if (probe.code !== 0) {
      if (process.env[SKIP_ENV] === '1') {
        console.log(
          `\n  SKIPPED: ${NOT_INSTALLED} (${probe.error ?? probe.output.trim()}); ${SKIP_ENV}=1 is set\n`,
        );
        this.skip();
      }
      throw new Error(`${NOT_INSTALLED} (${probe.error ?? probe.output.trim()})`);
    }
    dir = mkdtempSync(join(tmpdir(), 'grub-script-check-'));
    outcomes = await pool(
      corpus.map((c, i) => ({ c, i })),
      PARALLEL,
      ({ c, i }) => compare(c, i, dir),
    );
    const agree = outcomes.filter((o) => o.theirs === o.ours).length;
    const pct = ((100 * agree) / Math.max(1, outcomes.length)).toFixed(1);
    console.log(
      `\n  grub-script-check differential: ${outcomes.length} files, verdicts agree on ${agree} (${pct}%)\n`,
    );
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('grub-script-check gives a verdict on every file', () => {
    const unreadable = outcomes
      .filter((o) => o.theirs === undefined)
      .map((o) => `${o.c.name}: ${o.output.trim()}`);
    assert.deepEqual(unreadable, []);
  });

  it('our grub2/syntax and grub2/no-commands verdicts agree with grub-script-check on every file', () => {
    const problems = outcomes
      .filter((o) => o.theirs !== o.ours && !ALLOWED.some((a) => a.name.test(o.c.name)))
      .map((o) => {
        const ours = o.findings.filter((f) => f.ruleId.startsWith('grub2/syntax')).map((f) => f.message);
        return `${o.c.name}: grub-script-check ${o.theirs}, we ${o.ours}\n    ${o.output.trim().split('\n').pop() ?? ''}\n    ${ours.join('\n    ')}`;
      });
    assert.equal(problems.length, 0, `${problems.length} disagreements:\n${problems.join('\n')}`);
  });

  it('grub-script-check accepts every valid file, and we report no error in it', () => {
    const problems = outcomes
      .filter((o) => o.c.origin === 'valid')
      .flatMap((o) => [
        ...(o.theirs === 'ok' ? [] : [`${o.c.name}: grub-script-check ${o.theirs}`]),
        ...o.findings.map((f) => `${o.c.name}: ${f.ruleId}: ${f.message}`),
      ]);
    assert.deepEqual(problems, []);
  });

  it('the corpus has every mutation kind and both verdicts', () => {
    const kinds = new Set(outcomes.flatMap((o) => (o.c.mutation ? [o.c.mutation] : [])));
    assert.ok(kinds.size >= 15, `only ${kinds.size} mutation kinds`);
    assert.ok(outcomes.some((o) => o.theirs === 'ok') && outcomes.some((o) => o.theirs === 'syntax-error'));
  });
});
