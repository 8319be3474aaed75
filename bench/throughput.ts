import { performance } from 'node:perf_hooks';
import { loadSite } from '../server/src/node/site';
import { FORMATS } from '../server/src/workspace/format-registry';
import { MB, median, round } from './measure';

/**
 * Parse throughput per format: `analyse` (lex, parse, model) over every file of the format, repeated. The
 * benchmark measures it twice (run.ts): in a fresh process holding only the site (`throughput-probe.ts`, the
 * figure of the parsers) and in its own process after the cold check. The second is slower for reasons that
 * are not the parsers': after the cold check has kept every tree, V8 allocates the objects of those code
 * sites straight into the old generation ("allocation-site pretenuring"), where the passes' short-lived trees
 * then cost a full collection each (docs/performance.md).
 */

export interface Throughput {
  format: string;
  files: number;
  bytes: number;
  passes: number;
  /** analyse (lex, parse, model) of every file, first pass in the process. */
  firstPassMBs: number;
  /** the same, median over the passes. */
  medianMBs: number;
  /** analyse plus the single-file checks, median. */
  withChecksMBs: number;
}

/** A file of the site to read: what `analyse` is given. */
export interface SiteFile {
  readonly uri: string;
  readonly path: string;
  readonly text: string;
  readonly format: string | undefined;
}

/** The throughput of every format over the files of the site in `root`, loaded here. */
export function throughput(root: string): Throughput[] {
  const site = loadSite([root], undefined, {});
  return throughputOf(site.workspace.allFiles().filter((f) => !f.skipped));
}

/** The throughput of each format (of `only`, if given) over `files`. */
export function throughputOf(all: readonly SiteFile[], only?: string): Throughput[] {
  const out: Throughput[] = [];
  for (const analyser of FORMATS) {
    if (only !== undefined && analyser.id !== only) continue;
    const files = all.filter((f) => f.format === analyser.id);
    if (files.length === 0) continue;
    const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
    const parse: number[] = [];
    const both: number[] = [];
    const started = performance.now();
    // Passes over a format's files until 5 are made (or 2, if that took 3 s), and at least 8 MB were read: a
    // few passes over a kilobyte of GRUB menus would measure code that V8 has not compiled yet (the first
    // pass is reported apart, as the cold figure).
    const enough = (): boolean => parse.length >= 5 && parse.length * bytes >= 8 * MB;
    while (!enough() && (parse.length < 2 || performance.now() - started < 3000)) {
      let a = 0;
      let c = 0;
      for (const f of files) {
        const t0 = performance.now();
        const analysed = analyser.analyse(f.uri, f.text, { path: f.path, toolstack: 'xl' });
        const t1 = performance.now();
        analyser.check(analysed);
        const t2 = performance.now();
        a += t1 - t0;
        c += t2 - t0;
      }
      parse.push(a);
      both.push(c);
    }
    const mbs = (ms: number): number => round(bytes / MB / (ms / 1000), 2);
    out.push({
      format: analyser.id,
      files: files.length,
      bytes,
      passes: parse.length,
      firstPassMBs: mbs(parse[0]),
      medianMBs: mbs(median(parse)),
      withChecksMBs: mbs(median(both)),
    });
  }
  return out;
}
