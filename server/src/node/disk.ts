import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatByPath } from '../workspace/format-registry';

/**
 * Reading a site from disk, for the CLI and the language server (everything below them is pure).
 * Only files inside the given root are read: symbolic links that leave it are not followed.
 */

/** Folders never worth scanning. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn', '.cache']);

/** The most files one scan visits, so that opening a huge folder cannot stall the server. */
export const MAX_SCANNED_FILES = 200_000;

/** The topology file's name (shared CONTRACT.md). */
export const TOPOLOGY_FILE = 'xen-nfs-boot.json';

/** Whether a path (relative, `/` separators) may be one of our files, judged by name and place. */
export function isCandidatePath(relativePath: string): boolean {
  return formatByPath(relativePath) !== undefined;
}

/** Whether `target` lies inside `root` (both absolute, resolved). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The files under a folder: the candidates by name and place, and every file (for references). */
export interface FolderScan {
  readonly candidates: string[];
  readonly all: string[];
}

/** Lists the candidate files under `root` (absolute paths), depth first, in a stable order. */
export function scanFolder(root: string): string[] {
  return scanFolderFully(root).candidates;
}

/** Lists every regular file under `root` and the candidates among them (absolute paths, sorted). */
export function scanFolderFully(root: string): FolderScan {
  const realRoot = safeRealpath(root) ?? root;
  const found: string[] = [];
  const all: string[] = [];
  const stack = [root];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_SCANNED_FILES) {
    const dir = stack.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const e of entries) {
      visited++;
      const full = path.join(dir, e.name);
      if (e.isSymbolicLink()) {
        const real = safeRealpath(full);
        if (!real || !isInside(realRoot, real)) continue;
      }
      if (e.isDirectory() || (e.isSymbolicLink() && isDirectory(full))) {
        if (!SKIPPED_DIRS.has(e.name)) stack.push(full);
      } else {
        all.push(full);
        if (isCandidatePath(toRelative(root, full))) found.push(full);
      }
    }
  }
  return { candidates: found.sort(), all: all.sort() };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function safeRealpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

/** `full` relative to `root` with `/` separators. */
export function toRelative(root: string, full: string): string {
  return path.relative(root, full).split(path.sep).join('/');
}

/** The result of reading one file: its text, or that it is too large to read, or why it could not be read. */
export type ReadResult =
  | { ok: true; text: string; tooLarge?: undefined }
  | { ok: true; text: ''; tooLarge: number }
  | { ok: false; error: string };

/** Reads a file as UTF-8, refusing files larger than `maxBytes` (they get a placeholder the model reports). */
export function readTextFile(file: string, maxBytes: number): ReadResult {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { ok: false, error: 'not a regular file' };
    if (st.size > maxBytes) return { ok: true, text: '', tooLarge: st.size };
    return { ok: true, text: fs.readFileSync(file, 'utf8') };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
