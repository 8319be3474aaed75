import * as fs from 'node:fs';

/** What the benchmark's modules share: its options, logging, peak RSS, quantiles and rounding. */
export interface Options {
  dir: string | undefined;
  edits: number;
  runs: number;
  budgetMs: number;
}

export function parseOptions(argv: string[]): Options {
  const o: Options = { dir: undefined, edits: 30, runs: 5, budgetMs: 60_000 };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    if (argv[i] === '--dir') o.dir = v;
    else if (argv[i] === '--edits') o.edits = Number(v);
    else if (argv[i] === '--runs') o.runs = Number(v);
    else if (argv[i] === '--budget') o.budgetMs = Number(v) * 1000;
    else continue;
    i++;
  }
  return o;
}

export const MB = 1024 * 1024;
export const log = (s: string): void => void process.stderr.write(`bench: ${s}\n`);

/** Peak RSS of this process since the last reset (VmHWM), in MiB. */
export function peakRssMiB(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / MB;
}

/** Resets VmHWM to the current RSS (Linux: clear_refs 5); false where not permitted. */
export function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}
export const median = (xs: readonly number[]): number => quantile(xs, 0.5);
export const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;
