import { isSeverityLevel } from '../core/severity';
import type { SeverityLevel } from '../core/severity';

/** The parsed command line of `xen-nfs-boot check`. */
export interface CheckOptions {
  readonly paths: string[];
  readonly format: 'text' | 'json' | 'sarif';
  readonly config: string | undefined;
  readonly rules: Map<string, SeverityLevel>;
  readonly maxWarnings: number | undefined;
}

/** What the user asked for: a check, help, the version, or a usage error. */
export type Command =
  | { kind: 'check'; options: CheckOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string };

/** The help text. */
export const USAGE = `Usage: xen-nfs-boot check [PATH...] [options]

Checks the files that boot Xen hosts and guests from NFS (Xen domain configs, GRUB legacy, GRUB 2 and
PXELINUX menus, dhcpd.conf, /etc/exports, kernel .config files) against each other. All PATHs form one site; a PATH is a file or a folder (default: .).

Options:
  --format text|json|sarif   output format (default: text)
  --config FILE              the topology file (default: PATH/xen-nfs-boot.json)
  --rule ID=SEVERITY         set a rule's severity: off, error, warning, information, hint (repeatable;
                             wins over the topology file's "rules"; the last one for an ID counts)
  --max-warnings N           exit 1 when there are more than N warnings, even without errors
                             (-1, the default: no limit)
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no errors (and warnings within --max-warnings), 1 errors found (or too many warnings),
2 bad usage or unreadable input.

Examples:
  xen-nfs-boot check etc/ --format sarif > xen-nfs-boot.sarif
  xen-nfs-boot check . --max-warnings 0 --rule nfs/root-squash=off --rule dhcp/unknown-statement=error
`;

function valueOf(args: string[], i: number, name: string): string | { error: string } {
  const arg = args[i];
  const eq = arg.indexOf('=');
  if (arg.startsWith('--') && eq > 0) return arg.slice(eq + 1);
  const next = args[i + 1];
  return next === undefined ? { error: `${name} needs a value` } : next;
}

/** Parses `argv` (without node and the script); never throws. */
export function parseArgs(argv: readonly string[]): Command {
  const args = [...argv];
  if (args.length === 0 || args[0] === '-h' || args[0] === '--help') return { kind: 'help' };
  if (args[0] === '-v' || args[0] === '--version') return { kind: 'version' };
  if (args[0] !== 'check')
    return { kind: 'usage-error', message: `unknown command '${args[0]}' (try 'check')` };
  const paths: string[] = [];
  const rules = new Map<string, SeverityLevel>();
  let format: CheckOptions['format'] = 'text';
  let config: string | undefined;
  let maxWarnings: number | undefined;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    const name = arg.split('=')[0];
    const v = valueOf(args, i, name);
    if (typeof v !== 'string') return { kind: 'usage-error', message: v.error };
    if (!arg.includes('=')) i++;
    if (name === '--format') {
      if (v !== 'text' && v !== 'json' && v !== 'sarif')
        return { kind: 'usage-error', message: `unknown format '${v}'` };
      format = v;
    } else if (name === '--config') config = v;
    else if (name === '--rule') {
      const [id, level] = [v.slice(0, v.lastIndexOf('=')), v.slice(v.lastIndexOf('=') + 1)];
      if (!id || !isSeverityLevel(level))
        return { kind: 'usage-error', message: `--rule takes ID=SEVERITY, not '${v}'` };
      rules.set(id, level);
    } else if (name === '--max-warnings') {
      if (!/^(\d+|-1)$/.test(v))
        return { kind: 'usage-error', message: '--max-warnings takes a whole number (or -1: no limit)' };
      maxWarnings = Number(v);
    } else return { kind: 'usage-error', message: `unknown option '${name}'` };
  }
  return {
    kind: 'check',
    options: { paths: paths.length ? paths : ['.'], format, config, rules, maxWarnings },
  };
}
