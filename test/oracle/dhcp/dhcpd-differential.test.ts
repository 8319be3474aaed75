import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Finding } from '../../../server/src/core/finding';
import { buildDhcpModel } from '../../../server/src/formats/dhcp/model';
import { parseDhcpConf } from '../../../server/src/formats/dhcp/parser';
import { DHCP_RULES } from '../../../server/src/rules/dhcp/catalogue';
import { checkDhcpFile, checkDhcpSet } from '../../../server/src/rules/dhcp';
import type { DhcpFile } from '../../../server/src/rules/dhcp/types';
import { dhcpCorpus } from './corpus-mutations';
import { SEED_001_DHCPD } from './corpus';
import type { DhcpCorpusCase } from './corpus';

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

const SHARED = join(projectRoot(), '..', 'shared');
const CHECK = join(SHARED, 'oracles', 'dhcpd-check.sh');
const NOT_INSTALLED = 'dhcpd oracle not installed: run scripts/setup-tests.sh';
const SKIP_ENV = 'XEN_NFS_BOOT_SKIP_ORACLES';
const PARALLEL = 2;
const TIMEOUT_MS = 20_000;
const REQUIRED_AGREEMENT = 99;

/** Deliberate differences from dhcpd, each with its reason; any other disagreement fails the suite. */
const ALLOWED: readonly { readonly name: RegExp; readonly reason: string }[] = [];

interface DhcpdVerdict {
  readonly rejected: boolean;
  /** Lines dhcpd names (`FILE line N: …`), in order; line 0 (dhcpd's "no line yet") left out. */
  readonly lines: readonly number[];
  readonly messages: readonly string[];
  readonly crashed: boolean;
}

function runDhcpd(path: string): Promise<DhcpdVerdict> {
  return new Promise((resolve) => {
    execFile(
      'sh',
      [CHECK, path],
      { timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        const code = err ? err.code : 0;
        const crashed = err !== null && typeof code !== 'number';
        const lines: number[] = [];
        const messages: string[] = [];
        for (const l of stderr.split('\n')) {
          const m = / line (\d+): (.*)$/.exec(l);
          if (m && l.startsWith(path)) {
            if (Number(m[1]) > 0) lines.push(Number(m[1]));
            messages.push(`line ${m[1]}: ${m[2]}`);
          } else if (/^(bad range|Can't open|ERROR:|.*crash)/.test(l)) messages.push(l);
        }
        // A crash (dhcpd 4.4.3 segfaults on some inputs, shared/oracles/README.md) counts as a rejection.
        resolve({ rejected: crashed || code !== 0, lines, messages, crashed });
      },
    );
  });
}

async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
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

const SEVERITY = new Map(DHCP_RULES.map((r) => [r.id, r.severity]));

/** Our error findings for one file (single-file and set checks, the file alone). */
function ourErrors(text: string, i: number): Finding[] {
  const ast = parseDhcpConf(text);
  const file: DhcpFile = {
    uri: `file:///corpus/dhcpd${i}.conf`,
    text,
    format: 'dhcpd-conf',
    ast,
    model: buildDhcpModel(ast),
    path: `dhcpd${i}.conf`,
  };
  return [...checkDhcpFile(file), ...checkDhcpSet([file])].filter(
    (f) => (f.severity ?? SEVERITY.get(f.ruleId)) === 'error',
  );
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

interface Outcome {
  readonly c: DhcpCorpusCase;
  readonly dhcpd: DhcpdVerdict;
  readonly ours: readonly Finding[];
}

function lineAgrees(o: Outcome): boolean | undefined {
  const line = o.dhcpd.lines[0];
  if (line === undefined || !o.dhcpd.rejected) return undefined;
  return o.ours.some(
    (f) =>
      lineOf(o.c.text, f.span.start) <= line &&
      line <= lineOf(o.c.text, Math.max(f.span.start, f.span.end - 1)),
  );
}

function describe_(o: Outcome): string {
  const ours =
    o.ours.map((f) => `${f.ruleId} line ${lineOf(o.c.text, f.span.start)}: ${f.message}`).join(' | ') ||
    'no errors';
  return `${o.c.name}${o.c.mutation ? ` [${o.c.mutation.detail}]` : ''}\n    dhcpd: ${o.dhcpd.rejected ? 'rejects' : 'accepts'}${o.dhcpd.crashed ? ' (crash)' : ''}: ${o.dhcpd.messages.join(' / ') || '-'}\n    ours: ${ours}`;
}

describe('dhcpd differential (ISC dhcpd 4.4.3, dhcpd -t)', function () {
  this.timeout(180_000);
  let dir = '';
  let outcomes: Outcome[] = [];

  before(async function () {
    if (!existsSync(CHECK) || !existsSync('/usr/sbin/dhcpd')) {
      if (process.env[SKIP_ENV] === '1') {
        console.log(`\n  SKIPPED: ${NOT_INSTALLED}; ${SKIP_ENV}=1 is set\n`);
        this.skip();
      }
      throw new Error(NOT_INSTALLED);
    }
    dir = mkdtempSync(join(tmpdir(), 'dhcpd-differential-'));
    const corpus = dhcpCorpus();
    const verdicts = await pool(corpus, PARALLEL, (c) => {
      const p = join(dir, `c${corpus.indexOf(c)}.conf`);
      writeFileSync(p, c.text);
      return runDhcpd(p);
    });
    outcomes = corpus.map((c, i) => ({ c, dhcpd: verdicts[i], ours: ourErrors(c.text, i) }));
    const agree = outcomes.filter((o) => o.dhcpd.rejected === o.ours.length > 0).length;
    const lined = outcomes.map(lineAgrees).filter((a) => a !== undefined);
    const pct = ((100 * agree) / outcomes.length).toFixed(1);
    console.log(
      `\n  dhcpd differential: ${outcomes.length} files, verdicts agree on ${agree} (${pct}%), ` +
        `lines agree on ${lined.filter((a) => a).length} of ${lined.length}\n`,
    );
    if (process.env.DHCPD_DIFFERENTIAL_VERBOSE === '1') {
      for (const o of outcomes.filter((x) => lineAgrees(x) === false)) console.log(`  line: ${describe_(o)}`);
    }
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the seed fixture is the dhcpd.conf of shared/seeds/001_*.txt', () => {
    const seeds = join(SHARED, 'seeds');
    const name = readdirSync(seeds).find((f) => f.startsWith('001_'));
    assert.ok(name);
    const seed = readFileSync(join(seeds, name), 'utf8');
    for (const line of SEED_001_DHCPD.split('\n').filter((l) => l.trim()))
      assert.ok(seed.includes(line), `not in the seed: ${line}`);
  });

  it('dhcpd accepts every valid file of the corpus', () => {
    const broken = outcomes.filter((o) => o.c.origin !== 'mutant' && o.dhcpd.rejected).map(describe_);
    assert.deepEqual(broken, []);
  });

  it(`our verdict (any error) matches dhcpd's on at least ${REQUIRED_AGREEMENT}% of the files, and every disagreement is listed`, () => {
    const problems = outcomes.filter(
      (o) => o.dhcpd.rejected !== o.ours.length > 0 && !ALLOWED.some((a) => a.name.test(o.c.name)),
    );
    const pct = (100 * (outcomes.length - problems.length)) / outcomes.length;
    if (problems.length > 0)
      console.log(`  ${problems.length} verdict disagreements:\n  ${problems.map(describe_).join('\n  ')}`);
    assert.ok(pct >= REQUIRED_AGREEMENT, `verdicts agree on ${pct.toFixed(1)}% only`);
  });
});
