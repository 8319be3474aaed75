import type { Finding } from '../../core/finding';
import type { GrubCommand, GrubEntry, GrubWord } from '../../formats/grub/ast';
import type { GrubFile } from './types';

/** A number as GRUB's `safe_parse_maxint` reads it (decimal or `0x` hex, up to the first other character). */
export function grubNumber(text: string): number | undefined {
  const hex = /^0x([0-9a-fA-F]+)/.exec(text);
  if (hex) return parseInt(hex[1], 16);
  const dec = /^\d+/.exec(text);
  return dec ? parseInt(dec[0], 10) : undefined;
}

function lastCommand(file: GrubFile, name: string): GrubCommand | undefined {
  return [...file.ast.globals].reverse().find((c) => c.spec?.name === name);
}

function shown(file: GrubFile): GrubEntry[] {
  return file.ast.entries.filter((e) => e.number !== undefined);
}

function describe(entries: readonly GrubEntry[], n: number): string {
  return `entry ${n} ('${entries[n]?.name.text ?? ''}')`;
}

/** The `fallback` numbers GRUB keeps (stage2/stage2.c drops those past the last entry), and the dropped words. */
function fallbacks(file: GrubFile, count: number): { kept: number[]; dropped: GrubWord[] } {
  const kept: number[] = [];
  const dropped: GrubWord[] = [];
  for (const word of lastCommand(file, 'fallback')?.args ?? []) {
    const n = grubNumber(word.text);
    if (n === undefined || kept.includes(n)) continue;
    if (n >= count) dropped.push(word);
    else kept.push(n);
  }
  return { kept, dropped };
}

/**
 * `grub/default-out-of-range`: a `default` past the last entry boots the first valid `fallback` entry, else
 * entry 0 (stage2/stage2.c `cmain`); `fallback` numbers past the last entry are dropped. Entries are
 * counted as GRUB counts them: a `title` without a known command does not count.
 */
export function checkDefaultRange(file: GrubFile): Finding[] {
  const entries = shown(file);
  const count = entries.length;
  if (count === 0) return [];
  const { kept, dropped } = fallbacks(file, count);
  const range = `the menu has ${count} ${count === 1 ? 'entry' : 'entries'}, numbered from 0 to ${count - 1}`;
  const findings: Finding[] = dropped.map((w) => ({
    ruleId: 'grub/default-out-of-range',
    uri: file.uri,
    span: w.span,
    message: `fallback ${w.text} does not exist (${range}): GRUB drops it`,
  }));
  const arg = lastCommand(file, 'default')?.args[0];
  const n = arg ? grubNumber(arg.text) : undefined;
  if (arg && n !== undefined && n >= count) {
    const instead = kept.length > 0 ? `the fallback ${describe(entries, kept[0])}` : describe(entries, 0);
    findings.push({
      ruleId: 'grub/default-out-of-range',
      uri: file.uri,
      span: arg.span,
      message: `default ${arg.text} does not exist (${range}): GRUB boots ${instead} instead`,
    });
  }
  return findings;
}

/** `grub/empty-entry`: a title with no known command is left out, and the entries after it move up. */
export function checkEmptyEntries(file: GrubFile): Finding[] {
  return file.ast.entries
    .filter((e) => e.number === undefined)
    .map((e) => ({
      ruleId: 'grub/empty-entry',
      uri: file.uri,
      span: e.title.span,
      message: `${e.name.text ? `'${e.name.text}'` : 'this title'} has no command GRUB knows: GRUB leaves it out of the menu, and the entries after it move up one place (default and fallback count without it)`,
    }));
}

/** `grub/command-outside-entry`: before the first `title` GRUB runs only menu commands and skips the others. */
export function checkCommandsOutsideEntries(file: GrubFile): Finding[] {
  return file.ast.globals
    .filter((c) => c.spec?.scope === 'entry')
    .map((c) => ({
      ruleId: 'grub/command-outside-entry',
      uri: file.uri,
      span: c.name.span,
      message: `'${c.name.text}' before the first 'title' is skipped: there GRUB runs only menu commands (default, timeout, password, color, …); move it into an entry`,
    }));
}

/** `grub/menu-command-in-entry`: a menu-only command fails the entry with "Error 27: Unrecognized command". */
export function checkMenuCommandsInEntries(file: GrubFile): Finding[] {
  return file.ast.entries.flatMap((e) =>
    e.commands
      .filter((c) => c.spec?.scope === 'menu')
      .map((c) => ({
        ruleId: 'grub/menu-command-in-entry',
        uri: file.uri,
        span: c.name.span,
        message: `'${c.name.text}' works only before the first 'title': booting '${e.name.text}' stops here with "Error 27: Unrecognized command"`,
      })),
  );
}
