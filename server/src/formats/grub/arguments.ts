import { parseIpv4 } from '../../core/ipv4';
import type { Span } from '../../core/text';
import type { GrubCommand, GrubSyntaxIssue, GrubWord } from './ast';
import { deviceProblem, parseDevice, parseFileName } from './device';
import type { GrubArgs, GrubCommandSpec } from './options';

/**
 * The arguments GRUB legacy refuses, command by command (stage2/builtins.c): a number that does not start
 * with a digit (`safe_parse_maxint`), a device it cannot parse, a file name that is neither absolute nor a
 * block list, an unknown `--type=`, a bad address. Where GRUB would stop with an error or silently do
 * something else than written, the argument is a `grub/syntax` issue.
 */

type ArgCheck = (cmd: GrubCommand) => GrubSyntaxIssue[];

const issue = (span: Span, message: string): GrubSyntaxIssue => ({ span, message });

/** An issue spanning the end of the command name, for a missing argument. */
const missing = (cmd: GrubCommand, what: string): GrubSyntaxIssue[] => [
  issue(cmd.name.span, `'${cmd.name.text}' needs ${what}`),
];

const NUMBER = /^(0x[0-9a-fA-F]|\d)/;

function numberArg(cmd: GrubCommand, word: GrubWord | undefined, what: string): GrubSyntaxIssue[] {
  if (!word) return missing(cmd, what);
  if (NUMBER.test(word.text)) return [];
  return [issue(word.span, `'${word.text}' is not a number: GRUB ignores this '${cmd.name.text}' line`)];
}

function deviceArg(cmd: GrubCommand, word: GrubWord | undefined): GrubSyntaxIssue[] {
  if (!word) return missing(cmd, 'a device such as (hd0,0)');
  const m = /^\(([^)]*)\)/.exec(word.text);
  if (!m) {
    return [
      issue(word.span, `'${word.text}' is not a device: GRUB writes devices in parentheses, e.g. (hd0,0)`),
    ];
  }
  return parseDevice(m[1]) ? [] : [issue(word.span, deviceProblem(m[1]))];
}

function fileArg(cmd: GrubCommand, word: GrubWord | undefined): GrubSyntaxIssue[] {
  if (!word) return missing(cmd, 'a file');
  const f = parseFileName(word.text);
  if (f.problem) return [issue(word.span, f.problem)];
  if (f.kind === 'empty') return [issue(word.span, `'${word.text}' names a device but no file`)];
  return [];
}

/** Leading `--flag` words, and the word after them. */
function afterFlags(cmd: GrubCommand): { flags: GrubWord[]; rest: GrubWord[] } {
  const i = cmd.args.findIndex((a) => !a.text.startsWith('--'));
  return i < 0
    ? { flags: [...cmd.args], rest: [] }
    : { flags: cmd.args.slice(0, i), rest: cmd.args.slice(i) };
}

const KERNEL_TYPES = ['netbsd', 'freebsd', 'openbsd', 'linux', 'biglinux', 'multiboot'];

const kernelArgs: ArgCheck = (cmd) => {
  const { flags, rest } = afterFlags(cmd);
  const issues: GrubSyntaxIssue[] = [];
  for (const f of flags) {
    const type = /^--type=(.*)$/.exec(f.text);
    if (type && !KERNEL_TYPES.includes(type[1])) {
      issues.push(issue(f.span, `unknown kernel type '${type[1]}': use one of ${KERNEL_TYPES.join(', ')}`));
    } else if (!type && f.text !== '--no-mem-option') {
      // GRUB takes an unknown option for the file name and fails to open it.
      issues.push(issue(f.span, `'${f.text}' is not an option of 'kernel' (--type=TYPE, --no-mem-option)`));
    }
  }
  return [...issues, ...fileArg(cmd, rest[0])];
};

const IFCONFIG_OPTIONS = ['--address=', '--gateway=', '--mask=', '--server='];

const ifconfigArgs: ArgCheck = (cmd) =>
  cmd.args.flatMap((a) => {
    const option = IFCONFIG_OPTIONS.find((o) => a.text.startsWith(o));
    if (!option) {
      return [issue(a.span, `'${a.text}' is not an option of 'ifconfig' (${IFCONFIG_OPTIONS.join(', ')})`)];
    }
    const value = a.text.slice(option.length);
    return parseIpv4(value) === undefined ? [issue(a.span, `'${value}' is not an IPv4 address`)] : [];
  });

const COLORS = [
  'black',
  'blue',
  'green',
  'cyan',
  'red',
  'magenta',
  'brown',
  'light-gray',
  'dark-gray',
  'light-blue',
  'light-green',
  'light-cyan',
  'light-red',
  'light-magenta',
  'yellow',
  'white',
];

/** `FG/BG` with an optional `blink-` prefix; only the first eight colors can be a background. */
function colorProblem(text: string): string | undefined {
  if (NUMBER.test(text)) return undefined;
  const [fg, bg, ...more] = text.split('/');
  if (bg === undefined || more.length > 0) return `'${text}' is not a color pair FG/BG`;
  if (!COLORS.includes(fg.replace(/^blink-/, ''))) return `'${fg}' is not a color GRUB knows`;
  if (!COLORS.slice(0, 8).includes(bg)) return `'${bg}' cannot be a background: use black … light-gray`;
  return undefined;
}

const colorArgs: ArgCheck = (cmd) => {
  if (cmd.args.length === 0) return missing(cmd, 'a color pair such as light-gray/blue');
  return cmd.args.slice(0, 2).flatMap((a) => {
    const p = colorProblem(a.text);
    return p ? [issue(a.span, p)] : [];
  });
};

const CHECKS: Readonly<Record<GrubArgs, ArgCheck>> = {
  none: () => [],
  any: () => [],
  title: () => [],
  'entry-number': (cmd) =>
    cmd.args[0]?.text === 'saved' ? [] : numberArg(cmd, cmd.args[0], 'an entry number'),
  numbers: (cmd) =>
    cmd.args.length === 0
      ? missing(cmd, 'entry numbers')
      : cmd.args.flatMap((a) => numberArg(cmd, a, 'an entry number')),
  number: (cmd) => numberArg(cmd, cmd.args[0], 'a number'),
  device: (cmd) => deviceArg(cmd, cmd.args[0]),
  root: (cmd) => (cmd.args[0] ? deviceArg(cmd, cmd.args[0]) : []),
  map: (cmd) => [...deviceArg(cmd, cmd.args[0]), ...(cmd.args[0] ? deviceArg(cmd, cmd.args[1]) : [])],
  kernel: kernelArgs,
  module: (cmd) => fileArg(cmd, cmd.args[0]),
  file: (cmd) => fileArg(cmd, cmd.args[0]),
  chainloader: (cmd) => fileArg(cmd, cmd.args[0]?.text === '--force' ? cmd.args[1] : cmd.args[0]),
  password: (cmd) => {
    const args = cmd.args[0]?.text === '--md5' ? cmd.args.slice(1) : cmd.args;
    if (args.length === 0) return missing(cmd, 'a password');
    return args[1] ? fileArg(cmd, args[1]) : [];
  },
  address: (cmd) => {
    const a = cmd.args[0];
    if (!a) return missing(cmd, 'an IPv4 address');
    return parseIpv4(a.text) === undefined ? [issue(a.span, `'${a.text}' is not an IPv4 address`)] : [];
  },
  ifconfig: ifconfigArgs,
  color: colorArgs,
};

/**
 * Whether the arguments of `cmd` would be accepted by the command `spec` (for a misspelt command: a
 * rename that leaves GRUB refusing the arguments is no fix).
 */
export function argumentsFit(cmd: GrubCommand, spec: GrubCommandSpec): boolean {
  return CHECKS[spec.args](cmd).length === 0;
}

/** The argument problems of one known command. */
export function checkArguments(cmd: GrubCommand): GrubSyntaxIssue[] {
  return cmd.spec ? CHECKS[cmd.spec.args](cmd) : [];
}
