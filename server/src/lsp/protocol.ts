/** Custom notifications between our client and server. */

/** Server → client: files recognised by name, place or content, with the language id they should have. */
export const FILE_KINDS_NOTIFICATION = 'xenNfsBoot/fileKinds';

/** The payload of `xenNfsBoot/fileKinds`. */
export interface FileKindsParams {
  readonly files: { readonly uri: string; readonly languageId: string }[];
}

/** The settings section the server reads (`xenNfsBoot.*`). */
export const SETTINGS_SECTION = 'xenNfsBoot';
