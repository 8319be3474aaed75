import type { Toolstack } from '../formats/option-spec';
import type { Topology } from './topology';

/** The formats this version reads. Adding a format adds its id here and its entry in format-registry.ts. */
export type FormatId =
  | 'xen-config'
  | 'nfs-exports'
  | 'dhcpd-conf'
  | 'grub-legacy'
  | 'grub2'
  | 'pxelinux'
  | 'kconfig';

/** What a file's analysis may depend on besides its text. */
export interface FileContext {
  /** The path relative to the workspace root, `/` separators. */
  readonly path: string;
  /** The toolstack of the file's host. */
  readonly toolstack: Toolstack;
}

/** A file of some format after parsing and modelling: what rules and features read. */
export interface AnalysedFile {
  readonly uri: string;
  readonly text: string;
  readonly format: FormatId;
}

/** What checks across files may know of the site besides the files of their own format. */
export interface SiteContext {
  readonly topology: Topology;
  /** Every file path of the site (relative, `/` separators), ours or not; undefined when unknown (an editor with no folder). */
  readonly paths: ReadonlySet<string> | undefined;
  /** The workspace path of a file URI. */
  pathOf(uri: string): string | undefined;
}
