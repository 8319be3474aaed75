import type { Finding } from '../core/finding';
import { DHCP_ANALYSER } from './formats/dhcp';
import { EXPORTS_ANALYSER } from './formats/exports';
import { GRUB_ANALYSER } from './formats/grub';
import { GRUB2_ANALYSER } from './formats/grub2';
import { PXELINUX_ANALYSER } from './formats/pxelinux';
import { KCONFIG_ANALYSER } from './formats/kconfig';
import { XEN_CONFIG_ANALYSER } from './formats/xen';
import { isXenFile } from '../rules/types';
import type { AnalysedFile, FileContext, FormatId, SiteContext } from './analysed-file';

/**
 * What the workspace needs to know of a format: how to recognise it, analyse a file (parse and build its
 * model) and check it alone and together with its siblings. One entry per format.
 */
export interface FormatAnalyser {
  readonly id: FormatId;
  /** The VS Code language id. */
  readonly languageId: string;
  /**
   * The rule ID of the format's syntax errors (what the file's reader refuses): a quick fix is offered only
   * if it raises none that was not there before (features/fix-verification.ts).
   */
  readonly syntaxRule: string;
  /** Whether a path (relative, `/` separators) names a file of this format by name and place. */
  matchesPath(path: string): boolean;
  /** Whether a file is of this format: by name and place, confirmed by content. */
  recognise(path: string, text: string): boolean;
  /** Whether a text reads like this format (alone, for files the user names explicitly). */
  matchesContent(text: string): boolean;
  /** The part of the context the analysis depends on: a cached analysis is reused while it is the same. */
  contextKey(context: FileContext): string;
  /**
   * Parses and models a file; never throws. `previous` is the analysis of the file's previous version, which
   * the analyser may take over to re-read only what changed (a dhcpd.conf does): the caller must not use it
   * afterwards.
   */
  analyse(uri: string, text: string, context: FileContext, previous?: AnalysedFile): AnalysedFile;
  /** Single-file checks. */
  check(file: AnalysedFile): Finding[];
  /** Checks across all files of this format, with what is known of the rest of the site. */
  checkSet(files: readonly AnalysedFile[], site?: SiteContext): Finding[];
  /** Whether a NUL byte is text to this format (GRUB reads it as the end of a line), not a sign of a binary file. */
  readonly toleratesNul?: boolean;
  /** The files this file names and that are ours by that reference (a dhcpd.conf's `include`s). */
  references?(file: AnalysedFile): FileReference[];
}

/** A file named by another: recognised by that reference, whatever its name. */
export interface FileReference {
  /** The format the referenced file has. */
  readonly format: FormatId;
  /** The reference as written. */
  readonly text: string;
  /** Whether a workspace path (relative, `/` separators) is the file referenced. */
  matches(path: string): boolean;
}

/** Every format, in the order recognition tries them. */
export const FORMATS: readonly FormatAnalyser[] = [
  PXELINUX_ANALYSER,
  XEN_CONFIG_ANALYSER,
  EXPORTS_ANALYSER,
  DHCP_ANALYSER,
  GRUB_ANALYSER,
  GRUB2_ANALYSER,
  KCONFIG_ANALYSER,
];

/** The analyser of a format. */
export function analyserOf(id: FormatId): FormatAnalyser {
  const a = FORMATS.find((f) => f.id === id);
  if (!a) throw new Error(`no analyser for ${id}`);
  return a;
}

/** The format of a file by name and place alone (for files whose content cannot be read). */
export function formatByPath(path: string): FormatId | undefined {
  return FORMATS.find((f) => f.matchesPath(path))?.id;
}

/** The format of a file by name and place, confirmed by content. */
export function formatOf(path: string, text: string): FormatId | undefined {
  return FORMATS.find((f) => f.recognise(path, text))?.id;
}

/** The format of a file by content alone (a file the user named explicitly). */
export function formatByContent(text: string): FormatId | undefined {
  return FORMATS.find((f) => f.matchesContent(text))?.id;
}

/** The format whose VS Code language id is `languageId`. */
export function formatOfLanguage(languageId: string): FormatId | undefined {
  return FORMATS.find((f) => f.languageId === languageId)?.id;
}

export { isXenFile };
