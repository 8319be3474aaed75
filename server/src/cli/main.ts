import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSite } from '../node/site';
import { RULE_MAP } from '../rules/catalogue';
import { parseArgs, USAGE } from './args';
import type { CheckOptions } from './args';
import { collectDiagnostics, formatJson, formatText } from './report';
import { formatSarif } from './sarif';

/** The package version, set by the bundler; "dev" when run from compiled sources. */
declare const XEN_NFS_BOOT_VERSION: string | undefined;
const VERSION = typeof XEN_NFS_BOOT_VERSION === 'string' ? XEN_NFS_BOOT_VERSION : 'dev';

/** Where rule documentation pages are, next to the installed package. */
export function docsBaseUri(fromDir: string): string {
  return pathToFileURL(path.resolve(fromDir, '..', 'docs', 'rules')).href + '/';
}

/** Output streams and the working folder, injectable for tests. */
export interface CliIo {
  readonly cwd: string;
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

function check(options: CheckOptions, io: CliIo): number {
  for (const id of options.rules.keys()) {
    if (!RULE_MAP.has(id)) io.err(`xen-nfs-boot: warning: unknown rule '${id}' in --rule\n`);
  }
  let site;
  try {
    site = loadSite(
      options.paths.map((p) => path.resolve(io.cwd, p)),
      options.config ? path.resolve(io.cwd, options.config) : undefined,
      { ruleOverrides: options.rules },
    );
  } catch (e) {
    io.err(`xen-nfs-boot: ${(e as Error).message}\n`);
    return 2;
  }
  for (const p of site.topologyProblems)
    io.err(`${site.topologyFile}: ${p.path ? `${p.path}: ` : ''}${p.message}\n`);
  for (const u of site.unreadable) io.err(`xen-nfs-boot: cannot read ${u.file}: ${u.error}\n`);
  for (const r of site.refused) io.err(`xen-nfs-boot: note: not read: ${r.file}: ${r.reason}\n`);
  const diagnostics = collectDiagnostics(site.workspace, io.cwd);
  const docs = docsBaseUri(__dirname);
  if (options.format === 'json') io.out(formatJson(diagnostics));
  else if (options.format === 'sarif') io.out(formatSarif(diagnostics, VERSION, docs));
  else io.out(formatText(diagnostics));
  if (site.unreadable.length > 0 || site.topologyProblems.some((p) => p.path === '')) return 2;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.err(`xen-nfs-boot: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** Runs the CLI; returns the exit status. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const command = parseArgs(argv);
  switch (command.kind) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'version':
      io.out(`${VERSION}\n`);
      return 0;
    case 'usage-error':
      io.err(`xen-nfs-boot: ${command.message}\n\n${USAGE}`);
      return 2;
    case 'check':
      return check(command.options, io);
  }
}

/** The entry point of the `xen-nfs-boot` binary. */
export function main(): void {
  const code = runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  });
  process.exitCode = code;
}
