import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FormatId } from '../../server/src/workspace/analysed-file';
import { formatOf } from '../../server/src/workspace/format-registry';
import type { FuzzFormat } from './formats';
import { FUZZ_FORMATS } from './formats';

/** test/fixtures of the source tree (this file runs from out/test/fuzz/). */
export const FIXTURES_ROOT = path.join(__dirname, '../../../test/fixtures');

/** Where failures are kept, one folder per format. */
export const REGRESSIONS_DIR = 'fuzz-regressions';

/** The seed texts of every format. */
export type Corpus = ReadonlyMap<FormatId, readonly string[]>;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * The fixtures of each format's folders (goldens and compressed files left out), and the files of the
 * `=== path` site specs under test/fixtures/site, each to the format its path and content say.
 */
export function loadCorpus(root = FIXTURES_ROOT): Corpus {
  const corpus = new Map<FormatId, string[]>(FUZZ_FORMATS.map((f) => [f.id, []]));
  for (const f of FUZZ_FORMATS)
    for (const dir of f.fixtureDirs)
      for (const file of filesUnder(path.join(root, dir)))
        if (!/\.(golden|gz)$/.test(file)) corpus.get(f.id)?.push(fs.readFileSync(file, 'utf8'));
  for (const file of filesUnder(path.join(root, 'site')).filter((p) => p.endsWith('.site'))) {
    const parts = fs
      .readFileSync(file, 'utf8')
      .split(/^=== (.+)\n/m)
      .slice(1);
    for (let i = 0; i < parts.length; i += 2) {
      const format = formatOf(parts[i].trim(), parts[i + 1]);
      if (format) corpus.get(format)?.push(parts[i + 1]);
    }
  }
  for (const f of FUZZ_FORMATS) if (corpus.get(f.id)?.length === 0) corpus.get(f.id)?.push('');
  return corpus;
}

/** A failing input as kept under test/fixtures/fuzz-regressions/<format>/<hash> (JSON keeps every code unit). */
export interface Regression {
  readonly format: FormatId;
  readonly path: string;
  /** The run's seed and the input's index in it (`prngAt(seed, index)` made it). */
  readonly seed: number;
  readonly index: number;
  readonly kind: string;
  /** One line. */
  readonly reason: string;
  readonly length: number;
  readonly stack?: string;
  /** 'open' until the bug is fixed; the replay test then holds it to passing. */
  readonly status: 'open' | 'fixed';
  readonly input: string;
}

/** The short content hash a regression is filed under. */
export function regressionHash(format: FormatId, input: string): string {
  return createHash('sha256').update(`${format}\0${input}`).digest('hex').slice(0, 16);
}

/**
 * What makes two failures the same bug: the kind, the reason with quoted text and numbers blanked and, for
 * a crash, the frame that threw. A run files one fixture per signature; the smoke test knows open ones.
 */
export function signatureOf(r: Pick<Regression, 'format' | 'kind' | 'reason' | 'stack'>): string {
  const reason = r.reason.replace(/'[^']*'|"[^"]*"/g, '…').replace(/\d+/g, 'N');
  // A bad fix is one bug per rule and fix, whatever the error it raises on a given input.
  if (r.kind === 'bad-fix') return `${r.format} ${r.kind} ${reason.split(' raises ')[0]}`;
  const frame =
    r.stack
      ?.split('\n')
      .find((l) => l.trim().startsWith('at '))
      ?.trim() ?? '';
  const where = frame.replace(/\(.*?[\\/]out[\\/]/, '(').replace(/:\d+:\d+\)?$/, '');
  return `${r.format} ${r.kind} ${reason}${r.kind === 'crash' ? ` ${where}` : ''}`;
}

/** Writes a regression fixture (once per format and input); returns its path. */
export function writeRegression(r: Regression, root = FIXTURES_ROOT): string {
  const dir = path.join(root, REGRESSIONS_DIR, r.format);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, regressionHash(r.format, r.input));
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${JSON.stringify(r, null, 1)}\n`);
  return file;
}

/** Every regression fixture, with its file. */
export function loadRegressions(root = FIXTURES_ROOT): { file: string; regression: Regression }[] {
  return filesUnder(path.join(root, REGRESSIONS_DIR))
    .sort()
    .map((file) => ({ file, regression: JSON.parse(fs.readFileSync(file, 'utf8')) as Regression }));
}

/** The fuzz description of a regression's format. */
export function formatOfRegression(r: Regression): FuzzFormat | undefined {
  return FUZZ_FORMATS.find((f) => f.id === r.format);
}
