import type { Span } from '../../core/text';
import type { BootEntry, LocatedText } from '../boot-entry';
import { CommandLineBuilder } from '../cmdline/compose';
import { LazySourceMap } from '../cmdline/source-map';
import type { SourceMap } from '../cmdline/source-map';
import { analyseKernelBoot } from '../cmdline/kernel-boot';
import type { Command, Grub2Ast, SimpleCommand } from './ast';
import { entryTitle } from './titles';
import { knownVariables } from './variables';
import type { KnownVariables } from './variables';
import { PlainWord, TextRun } from './word';
import type { Word } from './word';

/**
 * The boot model of a grub.cfg: each `menuentry` as a format-neutral `BootEntry`. A Xen entry is
 * `multiboot2 /xen.gz <Xen args>` + `module2 /vmlinuz <Linux args>` + `module2 /initrd` (older GRUBs:
 * `multiboot`/`module`); a plain Linux entry is `linux /vmlinuz <args>` + `initrd /initrd`.
 */

/** Loader commands by role. */
const HYPERVISOR_LOADERS = new Set(['multiboot2', 'multiboot', 'xen_hypervisor']);
const MODULE_LOADERS = new Set(['module2', 'module', 'xen_module']);
const LINUX_LOADERS = new Set(['linux', 'linux16', 'linuxefi']);
const INITRD_LOADERS = new Set(['initrd', 'initrd16', 'initrdefi']);

/** A menu entry and what it loads. */
export interface Grub2Entry {
  readonly entry: BootEntry;
  readonly command: SimpleCommand;
  /** The titles of the submenus around it, outermost first. */
  readonly submenus: readonly string[];
  /** The loader commands of the entry, in order (`linux`, `initrd`, `multiboot2`, `module2`, …). */
  readonly loaders: readonly SimpleCommand[];
  /** Words left out of a command line because they use a variable whose value is not known. */
  readonly unresolved: readonly Word[];
}

/** The model of a grub.cfg. */
export interface Grub2Model {
  readonly entries: readonly Grub2Entry[];
  /** Entries and submenus at the top level, in menu order (what `set default=N` counts). */
  readonly topLevel: readonly SimpleCommand[];
  readonly functions: ReadonlySet<string>;
  readonly variables: KnownVariables;
}

/** The path word of a loader command: its first argument that is not an option. */
export function loaderPath(c: SimpleCommand): { path: Word | undefined; rest: readonly Word[] } {
  const args = c.args;
  for (let i = 0; i < args.length; i++)
    if (!isOption(args[i].text)) return { path: args[i], rest: args.slice(i + 1) };
  return { path: undefined, rest: [] };
}

/** Whether a word starts with `--` (character codes: called for every loader's words, issue 6). */
function isOption(text: string): boolean {
  return text.charCodeAt(0) === 0x2d && text.charCodeAt(1) === 0x2d;
}

/** The commands of an entry body, not descending into nested entries (an unclosed `{` nests them). */
function entryCommands(commands: readonly Command[], out: SimpleCommand[] = []): SimpleCommand[] {
  for (const c of commands) {
    if (c.kind === 'simple') {
      if (c.name.text === 'menuentry' || c.name.text === 'submenu') continue;
      out.push(c);
      if (c.block) entryCommands(c.block.commands, out);
    } else if (c.kind === 'if') {
      for (const cl of c.clauses) {
        entryCommands(cl.condition, out);
        entryCommands(cl.body, out);
      }
    } else if (c.kind !== 'function') {
      entryCommands(c.condition, out);
      entryCommands(c.body, out);
    }
  }
  return out;
}

function located(w: Word | undefined, vars: KnownVariables): LocatedText | undefined {
  if (!w) return undefined;
  // A word without variables reads as its text.
  if (w instanceof PlainWord || !w.pieces.some((p) => p.kind === 'var'))
    return { text: w.text, span: w.span };
  const text = w.pieces
    .map((p) => (p.kind === 'text' ? p.text : (vars.get(p.name) ?? `\${${p.name}}`)))
    .join('');
  return { text, span: w.span };
}

/**
 * The command line GRUB passes on: the words joined by spaces, each character mapped to the file. 20_linux_xen
 * puts a `placeholder` word first (Xen drops the first word of a multiboot command line as the image
 * name), so a leading `placeholder` is not part of it.
 */
export function argumentLine(
  words: readonly Word[],
  vars: KnownVariables,
  unresolved: Word[],
): { text: string; map: SourceMap; span: Span | undefined } {
  const used = words[0]?.text === 'placeholder' ? words.slice(1) : words;
  const text = argumentText(used, vars, unresolved);
  const span =
    used.length > 0 ? { start: used[0].span.start, end: used[used.length - 1].span.end } : undefined;
  // The map is read only to place a finding in the command line: made then (issue 6).
  return { text, map: new LazySourceMap(() => argumentMap(used, vars)), span };
}

/** The source map of the command line `argumentText` joins from `used` (the same words and pieces). */
function argumentMap(used: readonly Word[], vars: KnownVariables): SourceMap {
  const b = new CommandLineBuilder();
  for (const w of used) {
    if (hasUnknownVariable(w, vars)) continue;
    b.space();
    if (w instanceof PlainWord) {
      b.copiedRun(w.raw, w.span.start, w.span);
      continue;
    }
    for (const p of w.pieces) {
      if (p instanceof TextRun) b.copiedRun(p.text, p.start, w.span);
      else if (p.kind === 'text') b.copied(p.text, p.offsets, w.span);
      else b.synthesised(vars.get(p.name) ?? '', p.span);
    }
  }
  return b.build().map;
}

/**
 * The words (a leading `placeholder` left out) joined as `CommandLineBuilder` joins them: by single spaces,
 * variables replaced by their values; words with an unknown variable go to `unresolved`.
 */
function argumentText(used: readonly Word[], vars: KnownVariables, unresolved: Word[]): string {
  // Joined by `+=`: a command line has a handful of words, and an array to join cost more (issue 6).
  let text = '';
  // Whether the text so far is empty or ends with a space, kept here (see CommandLineBuilder).
  let spaced = true;
  for (const w of used) {
    if (hasUnknownVariable(w, vars)) {
      unresolved.push(w);
      continue;
    }
    if (!spaced) text += ' ';
    spaced = true;
    if (w instanceof PlainWord) {
      // Never empty, never ending with a blank.
      text += w.raw;
      spaced = false;
      continue;
    }
    for (const p of w.pieces) {
      const piece = p.kind === 'text' ? p.text : (vars.get(p.name) ?? '');
      if (piece.length === 0) continue;
      text += piece;
      spaced = piece.charCodeAt(piece.length - 1) === 0x20;
    }
  }
  return text;
}

function hasUnknownVariable(w: Word, vars: KnownVariables): boolean {
  if (w instanceof PlainWord) return false;
  for (const p of w.pieces) if (p.kind === 'var' && !vars.has(p.name)) return true;
  return false;
}

function buildEntry(uri: string, c: SimpleCommand, submenus: string[], vars: KnownVariables): Grub2Entry {
  const loaders: SimpleCommand[] = [];
  const modules: SimpleCommand[] = [];
  let hyper: SimpleCommand | undefined;
  let linux: SimpleCommand | undefined;
  let initrd: SimpleCommand | undefined;
  // One pass over the body: the four roles' commands are distinct.
  for (const x of entryCommands(c.block?.commands ?? [])) {
    const name = x.name.text;
    if (HYPERVISOR_LOADERS.has(name)) hyper ??= x;
    else if (MODULE_LOADERS.has(name)) modules.push(x);
    else if (LINUX_LOADERS.has(name)) linux ??= x;
    else if (INITRD_LOADERS.has(name)) initrd ??= x;
    else continue;
    loaders.push(x);
  }
  const kernelCommand = hyper ? modules[0] : linux;
  const initrdCommand = hyper ? modules[1] : initrd;
  const unresolved: Word[] = [];
  let hypervisorArgs: LocatedText | undefined;
  const hyperPath = hyper && loaderPath(hyper);
  if (hyperPath) {
    const words = hyperPath.rest[0]?.text === 'placeholder' ? hyperPath.rest.slice(1) : hyperPath.rest;
    const text = argumentText(words, vars, unresolved);
    if (words.length > 0)
      hypervisorArgs = { text, span: { start: words[0].span.start, end: words[words.length - 1].span.end } };
  }
  const kernelPath = kernelCommand && loaderPath(kernelCommand);
  const kernelArgs = kernelPath ? argumentLine(kernelPath.rest, vars, unresolved) : undefined;
  const title = entryTitle(c.args);
  const entry: BootEntry = {
    uri,
    title: title ? { text: title.text, span: title.span } : undefined,
    span: c.span,
    hypervisor: hyperPath ? located(hyperPath.path, vars) : undefined,
    hypervisorArgs,
    kernel: kernelPath ? located(kernelPath.path, vars) : undefined,
    initrd: initrdCommand ? located(loaderPath(initrdCommand).path, vars) : undefined,
    commandLine: kernelArgs ? { text: kernelArgs.text, map: kernelArgs.map } : undefined,
    boot: kernelArgs ? analyseKernelBoot(kernelArgs.text) : undefined,
  };
  return { entry, command: c, submenus, loaders, unresolved };
}

function collect(
  uri: string,
  commands: readonly Command[],
  submenus: string[],
  vars: KnownVariables,
  out: Grub2Entry[],
): void {
  for (const c of commands) {
    if (c.kind === 'simple' && c.name.text === 'menuentry') {
      out.push(buildEntry(uri, c, submenus, vars));
      collect(uri, c.block?.commands ?? [], submenus, vars, out);
    } else if (c.kind === 'simple' && c.name.text === 'submenu') {
      const title = entryTitle(c.args)?.text ?? '';
      collect(uri, c.block?.commands ?? [], [...submenus, title], vars, out);
    } else if (c.kind === 'simple' && c.block) collect(uri, c.block.commands, submenus, vars, out);
    else if (c.kind === 'if') for (const cl of c.clauses) collect(uri, cl.body, submenus, vars, out);
    else if (c.kind === 'function' && c.body) collect(uri, c.body.commands, submenus, vars, out);
  }
}

/** Builds the model of a parsed grub.cfg. */
export function buildGrub2Model(uri: string, ast: Grub2Ast): Grub2Model {
  const variables = knownVariables(ast.commands);
  const entries: Grub2Entry[] = [];
  collect(uri, ast.commands, [], variables, entries);
  const functions = new Set<string>();
  for (const c of ast.commands) if (c.kind === 'function' && c.name) functions.add(c.name.text);
  const topLevel = topLevelEntries(ast.commands);
  return { entries, topLevel, functions, variables };
}

/** The entries and submenus GRUB lists in its top menu, including those inside top-level `if`s. */
function topLevelEntries(commands: readonly Command[]): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  for (const c of commands) {
    if (c.kind === 'simple' && (c.name.text === 'menuentry' || c.name.text === 'submenu')) out.push(c);
    else if (c.kind === 'if') for (const cl of c.clauses) out.push(...topLevelEntries(cl.body));
  }
  return out;
}
