import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { median, round } from './measure';

/**
 * The benchmark's measurements of whole programs: extension activation (bench/activation-probe.ts, one cold
 * process per run), the `.vsix` size, and the real stdio language server as its own process (time to its
 * first finished check of the site and its peak RSS), as an editor would run it.
 */

const REPO = path.resolve(__dirname, '..', '..');

export interface Activation {
  readonly runs: number;
  readonly loadMedianMs: number;
  readonly activateMedianMs: number;
  readonly totalMedianMs: number;
  readonly totalMaxMs: number;
}

export function activation(runs = 10): Activation {
  const samples = Array.from({ length: runs }, () => {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'activation-probe.js')], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`activation probe failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as { loadMs: number; activateMs: number };
  });
  const totals = samples.map((s) => s.loadMs + s.activateMs);
  return {
    runs,
    loadMedianMs: round(median(samples.map((s) => s.loadMs))),
    activateMedianMs: round(median(samples.map((s) => s.activateMs))),
    totalMedianMs: round(median(totals)),
    totalMaxMs: round(Math.max(...totals)),
  };
}

/** The size of `dist/xen-nfs-boot.vsix` in KiB, if `npm run package` made one. */
export function vsixKiB(): number | undefined {
  const file = path.join(REPO, 'dist', 'xen-nfs-boot.vsix');
  return fs.existsSync(file) ? round(fs.statSync(file).size / 1024) : undefined;
}

export interface ServerProcess {
  /** From spawning `dist/server.js --stdio` to its first `xenNfsBoot/checked`. */
  readonly firstCheckMs: number;
  readonly diagnosticsPublished: number;
  /** VmHWM of the server process at that point. */
  readonly peakRssMiB: number;
}

/** Runs the real server over stdio on `root` until its first check of the site has finished. */
export async function serverProcess(root: string): Promise<ServerProcess> {
  const t0 = Date.now();
  const child = spawn(process.execPath, [path.join(REPO, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  let published = 0;
  connection.onNotification('textDocument/publishDiagnostics', () => published++);
  const checked = new Promise<number>((resolve) =>
    connection.onNotification('xenNfsBoot/checked', () => resolve(Date.now() - t0)),
  );
  connection.listen();
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {},
  });
  await connection.sendNotification('initialized', {});
  const firstCheckMs = await checked;
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  child.kill();
  return {
    firstCheckMs,
    diagnosticsPublished: published,
    peakRssMiB: hwm ? round(Number(hwm[1]) / 1024) : NaN,
  };
}
