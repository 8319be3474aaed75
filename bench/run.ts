import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadSite } from '../server/src/node/site';
import { activation, serverProcess, vsixKiB } from './extras';
import { lspLatency } from './lsp-latency';
import { throughput } from './throughput';
import type { Throughput } from './throughput';
import type { EditSpec } from './lsp-latency';
import { MB, log, median, parseOptions, peakRssMiB, resetPeakRss, round } from './measure';
import type { Options } from './measure';

/**
 * The benchmark of issue 6 (`npm run bench`): generates the site (bench/generate-site.ts) in a temporary
 * folder, then measures in this process the cold full check, parse throughput (also in a fresh process),
 * edit-to-diagnostics latency through the real language server over a JSON-RPC connection pair, peak RSS,
 * and, as whole processes, `dhcpd -t` against `xen-nfs-boot check` on the same dhcpd.conf, the CLI on the
 * whole site and the stdio server. Prints a table and writes JSON.
 *
 * Options: --dir DIR (reuse a generated site), --edits N (30), --runs N (5), --budget S (seconds per
 * latency series and per external command series, 60: a series stops there after at least one sample, and
 * the sample count is reported).
 */

const REPO = path.resolve(__dirname, '..', '..');

// ---------------------------------------------------------------------------------------------------------
// Cold full check and parse throughput (the Workspace, in process)

interface ColdCheck {
  files: number;
  bytes: number;
  loadMs: number;
  checkMs: number;
  totalMs: number;
  findings: number;
  peakRssMiB: number;
}

function coldCheck(root: string): { result: ColdCheck; formatted: number; files: ManifestEntry[] } {
  resetPeakRss();
  const t0 = performance.now();
  const site = loadSite([root], undefined, {});
  const t1 = performance.now();
  const findings = site.workspace.check();
  const t2 = performance.now();
  const files = site.workspace.allFiles();
  return {
    result: {
      files: files.length,
      bytes: files.reduce((n, f) => n + Buffer.byteLength(f.text), 0),
      loadMs: round(t1 - t0),
      checkMs: round(t2 - t1),
      totalMs: round(t2 - t0),
      findings: [...findings.values()].reduce((n, l) => n + l.length, 0),
      peakRssMiB: round(peakRssMiB()),
    },
    formatted: files.filter((f) => f.format).length,
    files: files.flatMap((f) =>
      f.format && !f.skipped
        ? [{ file: fileURLToPath(f.uri), uri: f.uri, path: f.path, format: f.format }]
        : [],
    ),
  };
}

/**
 * Parse throughput, each format in a fresh process holding only that format's files (bench/throughput-probe.ts),
 * the files those of `site` (listed in a manifest file).
 */
function freshThroughput(site: readonly ManifestEntry[]): Throughput[] {
  const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-bench-manifest-')), 'files.json');
  fs.writeFileSync(manifest, JSON.stringify(site));
  const formats = [...new Set(site.map((f) => f.format))];
  return formats.flatMap((format) => {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'throughput-probe.js'), manifest, format], {
      encoding: 'utf8',
      maxBuffer: 64 * MB,
    });
    if (r.status !== 0) throw new Error(`the throughput process of ${format} failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Throughput[];
  });
}

/** A file of the site for the throughput processes: where it is and what it is. */
interface ManifestEntry {
  readonly file: string;
  readonly uri: string;
  readonly path: string;
  readonly format: string;
}

// ---------------------------------------------------------------------------------------------------------
// Whole processes: dhcpd -t against xen-nfs-boot check

interface ProcessRuns {
  command: string;
  runs: number;
  medianS: number;
  minS: number;
  maxS: number;
  maxRssMiB: number | undefined;
  exitCodes: number[];
  note?: string;
}

function timeProcess(label: string, argv: string[], o: Options): ProcessRuns {
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const walls: number[] = [];
  const rss: number[] = [];
  const codes: number[] = [];
  let note: string | undefined;
  const started = performance.now();
  for (let i = 0; i < o.runs; i++) {
    if (i > 0 && performance.now() - started > o.budgetMs) break;
    const cmd = timeBin ? [timeBin, '-f', 'XNB-MAXRSS %M', ...argv] : argv;
    const t0 = performance.now();
    const r = spawnSync(cmd[0], cmd.slice(1), { cwd: REPO, encoding: 'utf8', maxBuffer: 1024 * MB });
    walls.push((performance.now() - t0) / 1000);
    codes.push(r.status ?? -1);
    const m = /XNB-MAXRSS (\d+)/.exec(r.stderr ?? '');
    if (m) rss.push(Number(m[1]) / 1024);
    const crash = /RangeError[^\n]*|FATAL[^\n]*|Error:[^\n]*/.exec(r.stderr ?? '');
    if (crash && (r.status ?? 0) > 1) note = crash[0];
  }
  return {
    command: label,
    runs: walls.length,
    medianS: round(median(walls), 3),
    minS: round(Math.min(...walls), 3),
    maxS: round(Math.max(...walls), 3),
    maxRssMiB: rss.length ? round(Math.max(...rss)) : undefined,
    exitCodes: codes,
    note,
  };
}

// ---------------------------------------------------------------------------------------------------------

function table(rows: (string | number | undefined)[][]): string {
  const cells = rows.map((r) => r.map((c) => (c === undefined ? '' : String(c))));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const cli = path.join(REPO, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
  let root = o.dir ? path.resolve(o.dir) : undefined;
  const generated = performance.now();
  if (!root) {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-bench-'));
    const g = spawnSync(process.execPath, [path.join(__dirname, 'generate-site.js'), root], {
      encoding: 'utf8',
    });
    if (g.status !== 0) throw new Error(`generating the site failed: ${g.stderr}`);
  }
  log(`site in ${root} (${round((performance.now() - generated) / 1000)} s to generate)`);
  const dom0 = path.join(root, 'dom0');
  const dhcpd = path.join(dom0, 'etc', 'dhcp', 'dhcpd.conf');

  // 1. Cold: the first thing this process runs, so the code is cold too.
  log('cold full check…');
  const cold = coldCheck(root);
  log(`cold: ${JSON.stringify(cold.result)}`);

  // 2. Parse throughput: in a fresh process (the parsers' figure), and here after the cold check.
  log('parse throughput…');
  const afterCold = throughput(root);
  const tp = freshThroughput(cold.files).map((t) => ({
    ...t,
    medianAfterColdMBs: afterCold.find((a) => a.format === t.format)?.medianMBs,
  }));

  // 3. Edit-to-diagnostics through the server.
  log('language server latency…');
  const specs: EditSpec[] = [
    {
      file: path.join(dom0, 'etc', 'xen', 'dom1000.cfg'),
      label: 'domain config (dom1000.cfg)',
      languageId: 'xen-config',
      anchor: 'memory = ',
      pattern: /memory = (\d+)/,
      value: (n) => String(256 + n),
    },
    {
      file: dhcpd,
      label: 'dhcpd.conf (host node10000)',
      languageId: 'dhcpd-conf',
      anchor: 'host node10000 {',
      pattern: /filename "([^"]*)"/,
      value: (n) => (n % 2 ? 'pxelinux.0' : 'pxegrub'),
    },
    {
      file: path.join(dom0, 'etc', 'exports'),
      label: 'exports (/export/dom1000)',
      languageId: 'nfs-exports',
      anchor: '/export/dom1000 ',
      pattern: /\(rw,(a?sync),/,
      value: (n) => (n % 2 ? 'sync' : 'async'),
    },
  ];
  const lsp = await lspLatency(root, cold.formatted, specs, o);

  // 4. Whole processes on the same dhcpd.conf.
  log('dhcpd -t against xen-nfs-boot check…');
  const only = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-bench-dhcpd-only-'));
  fs.mkdirSync(path.join(only, 'etc', 'dhcp'), { recursive: true });
  fs.copyFileSync(dhcpd, path.join(only, 'etc', 'dhcp', 'dhcpd.conf'));
  const dhcpdBin = '/usr/sbin/dhcpd';
  const dhcpdRuns = fs.existsSync(dhcpdBin)
    ? timeProcess(
        'dhcpd -t -cf FILE',
        [dhcpdBin, '-t', '-cf', dhcpd, '-lf', '/dev/null', '-pf', '/dev/null'],
        o,
      )
    : undefined;
  const node = process.execPath;
  // What no Node checker can go below (token-floor.ts): Node's start-up alone, and Node reading the file
  // and splitting it into tokens, as whole processes.
  const nodeAlone = timeProcess('node -e 0 (Node starting, nothing else)', [node, '-e', '0'], o);
  const tokenFloor = timeProcess(
    'token floor FILE (Node reads the file and splits it into tokens)',
    [node, path.join(__dirname, 'token-floor.js'), dhcpd],
    o,
  );
  const cliFile = timeProcess('xen-nfs-boot check FILE', [node, 'bin/xen-nfs-boot.js', 'check', dhcpd], o);
  const cliDir = timeProcess(
    'xen-nfs-boot check DIR (only etc/dhcp/dhcpd.conf)',
    [node, 'bin/xen-nfs-boot.js', 'check', only],
    o,
  );
  // The cold check a CI job runs: the bundled CLI on the whole site, as its own process (its ratio to
  // `dhcpd -t` means nothing; the figure is its time against the cold-check target).
  const cliSite = timeProcess(
    'xen-nfs-boot check SITE (cold check, whole site)',
    [node, 'bin/xen-nfs-boot.js', 'check', root],
    {
      ...o,
      runs: Math.min(o.runs, 3),
    },
  );
  log('the stdio server as its own process, activation, .vsix…');
  const server = await serverProcess(root);
  const activated = activation();
  const vsix = vsixKiB();
  const ratio = (r: ProcessRuns): number | undefined =>
    dhcpdRuns ? round(r.medianS / dhcpdRuns.medianS, 2) : undefined;

  const results = {
    machine: {
      nproc: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryMiB: Math.round(os.totalmem() / MB),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
    },
    options: { edits: o.edits, runs: o.runs, budgetS: o.budgetMs / 1000 },
    site: root,
    dhcpdConfBytes: fs.statSync(dhcpd).size,
    coldCheck: cold.result,
    throughput: tp,
    lsp,
    processes: {
      dhcpd: dhcpdRuns,
      nodeAlone: { ...nodeAlone, ratioToDhcpd: ratio(nodeAlone) },
      tokenFloor: { ...tokenFloor, ratioToDhcpd: ratio(tokenFloor) },
      cliFile: { ...cliFile, ratioToDhcpd: ratio(cliFile) },
      cliDir: { ...cliDir, ratioToDhcpd: ratio(cliDir) },
      cliSite,
    },
    serverProcess: server,
    activation: activated,
    vsixKiB: vsix,
    peakRssMiBWholeBench: round(peakRssMiB()),
  };

  const out: string[] = [];
  out.push(`site: ${root} (${cold.result.files} files, ${round(cold.result.bytes / MB)} MiB)`);
  out.push('');
  out.push(
    table([
      [
        'parse throughput (fresh process)',
        'files',
        'MiB',
        'first pass MB/s',
        'median MB/s',
        '+checks MB/s',
        'passes',
        'after cold check MB/s',
      ],
      ...tp.map((t) => [
        t.format,
        t.files,
        round(t.bytes / MB, 2),
        t.firstPassMBs,
        t.medianMBs,
        t.withChecksMBs,
        t.passes,
        t.medianAfterColdMBs,
      ]),
    ]),
  );
  out.push('');
  out.push(
    `cold full check (Workspace, in process): load ${cold.result.loadMs} ms + check() ${cold.result.checkMs} ms = ` +
      `${round(cold.result.totalMs / 1000, 2)} s, ${cold.result.findings} findings, peak RSS ${cold.result.peakRssMiB} MiB`,
  );
  out.push(`server: initial index + check + publish ${round(lsp.initialMs / 1000, 2)} s`);
  out.push('');
  out.push(
    table([
      [
        'edit-to-diagnostics',
        'edits',
        'p50 ms',
        'p95 ms',
        'max ms',
        'all files p50',
        'all files p95',
        'didOpen ms',
      ],
      ...lsp.latencies.map((l) => [
        l.file,
        l.edits,
        l.p50Ms,
        l.p95Ms,
        l.maxMs,
        l.batchP50Ms,
        l.batchP95Ms,
        l.openMs,
      ]),
    ]),
  );
  out.push(
    `server phase peak RSS: ${lsp.peakRssMiB} MiB (VmHWM), ${lsp.sampledPeakRssMiB} MiB (sampled rss)`,
  );
  out.push('');
  const proc = [
    dhcpdRuns,
    results.processes.nodeAlone,
    results.processes.tokenFloor,
    results.processes.cliFile,
    results.processes.cliDir,
    cliSite,
  ].filter((r): r is ProcessRuns & { ratioToDhcpd?: number } => r !== undefined);
  out.push(
    table([
      ['whole process', 'runs', 'median s', 'min s', 'max s', 'max RSS MiB', 'exit', 'ratio'],
      ...proc.map((r) => [
        r.command,
        r.runs,
        r.medianS,
        r.minS,
        r.maxS,
        r.maxRssMiB,
        [...new Set(r.exitCodes)].join(','),
        r === cliSite ? undefined : r.ratioToDhcpd,
      ]),
    ]),
  );
  for (const r of proc) if (r.note) out.push(`${r.command}: ${r.note}`);
  out.push('');
  out.push(
    `stdio server process (dist/server.js): first check of the site done after ${round(server.firstCheckMs / 1000, 2)} s, ` +
      `${server.diagnosticsPublished} files published, peak RSS ${server.peakRssMiB} MiB`,
  );
  out.push(
    `activation (dist/client.js with a stand-in vscode module, ${activated.runs} cold processes): median ` +
      `${activated.totalMedianMs} ms (load ${activated.loadMedianMs} + activate ${activated.activateMedianMs}), max ${activated.totalMaxMs} ms`,
  );
  out.push(`.vsix: ${vsix === undefined ? 'not built (npm run package)' : `${vsix} KiB`}`);
  out.push(`peak RSS of the whole bench process: ${results.peakRssMiBWholeBench} MiB`);
  const json = path.join(root, 'bench-results.json');
  fs.writeFileSync(json, JSON.stringify(results, null, 2) + '\n');
  out.push(`results: ${json}`);
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
