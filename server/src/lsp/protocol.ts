/** Custom notifications between our client and server. */

/** Server → client: files recognised by name, place or content, with the language id they should have. */
export const FILE_KINDS_NOTIFICATION = 'xenNfsBoot/fileKinds';

/** The payload of `xenNfsBoot/fileKinds`. */
export interface FileKindsParams {
  readonly files: { readonly uri: string; readonly languageId: string }[];
}

/** The settings section the server reads (`xenNfsBoot.*`). */
export const SETTINGS_SECTION = 'xenNfsBoot';

/**
 * Server → client: a check of the workspace has finished and every changed file's diagnostics were
 * published (clients may ignore it; tests and the benchmark wait for it).
 */
export const CHECKED_NOTIFICATION = 'xenNfsBoot/checked';

/** The payload of `xenNfsBoot/checked`: how long the run took from its start. */
export interface CheckedParams {
  readonly ms: number;
}
