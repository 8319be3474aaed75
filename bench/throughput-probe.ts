import * as fs from 'node:fs';
import { throughputOf } from './throughput';
import type { SiteFile } from './throughput';

/**
 * Parse throughput of one format in a fresh process (bench/throughput.ts):
 * `node out/bench/throughput-probe.js MANIFEST FORMAT` reads the files the manifest lists (JSON: file, uri,
 * path and format of each, written by the benchmark from the site it loaded) and prints the figures as JSON.
 * Nothing is analysed before the passes, so no other format's trees, nor any left by a check, shape how V8
 * allocates those of this one.
 */
interface ManifestEntry {
  readonly file: string;
  readonly uri: string;
  readonly path: string;
  readonly format: string;
}

const [manifest, format] = process.argv.slice(2);
const entries = JSON.parse(fs.readFileSync(manifest, 'utf8')) as ManifestEntry[];
const files: SiteFile[] = entries
  .filter((e) => e.format === format)
  .map((e) => ({ uri: e.uri, path: e.path, format: e.format, text: fs.readFileSync(e.file, 'utf8') }));
process.stdout.write(JSON.stringify(throughputOf(files, format)));
