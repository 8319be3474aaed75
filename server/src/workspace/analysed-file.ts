import type { Toolstack } from '../formats/option-spec';

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
