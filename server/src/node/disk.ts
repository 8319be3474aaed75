import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatByPath } from '../workspace/format-registry';

/**
 * Reading a site from disk, for the CLI and the language server (everything below them is pure).
 * Only regular files inside the given root are read: symbolic links that leave it are refused, FIFOs,
 * sockets and devices are never opened, and symbolic-link loops are not followed (docs/security.md).
 */

/** Folders never worth scanning. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn', '.cache']);

/** The most files one scan visits, so that opening a huge folder cannot stall the server. */
export const MAX_SCANNED_FILES = 200_000;

/** The topology file's name (shared CONTRACT.md). */
export const TOPOLOGY_FILE = 'xen-nfs-boot.json';

/** Why a file that is not a regular file is skipped. */
export const NOT_REGULAR = 'not a regular file (a FIFO, socket or device): not opened';

/** Whether a path (relative, `/` separators) may be one of our files, judged by name and place. */
export function isCandidatePath(relativePath: string): boolean {
  return formatByPath(relativePath) !== undefined;
}

const SLASH = 0x2f;

/**
 * `pathToFileURL(file).href`. An absolute POSIX path of letters, digits, `.`, `_` and `-` without `.` or `..`
 * segments or empty ones is the URL's path as it is (nothing to resolve or percent-encode), and is written
 * out directly: building a URL took 20 µs a file, 40 ms of the start of a 2,000-file site (issue 6).
 */
export function fileUri(file: string): string {
  return PLAIN_PATH.test(file) && path.sep === '/' ? `file://${file}` : pathToFileURL(file).href;
}

const PLAIN_PATH = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._-]+)+$/;

/**
 * Whether `target` is `root`, a `/`, then a plain path (no `.` or `..` segment, no `//`, no trailing `/`):
 * then it lies inside and its relative path is the rest, said without path.relative, which resolves both
 * paths and costs more than reading a small file (issue 6: a site of 2,000 files asks for each several times).
 */
function plainBelow(root: string, target: string): boolean {
  return (
    path.sep === '/' &&
    target.startsWith(root) &&
    target.charCodeAt(root.length) === SLASH &&
    target.charCodeAt(target.length - 1) !== SLASH &&
    !target.includes('/.') &&
    !target.includes('//')
  );
}

/** Whether `target` lies inside `root` (both absolute, resolved). */
export function isInside(root: string, target: string): boolean {
  if (plainBelow(root, target)) return true;
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A file the scan or a read refused, with why (shown as a note: CLI stderr, the server's output channel). */
export interface Refusal {
  readonly file: string;
  readonly reason: string;
}

/** The files under a folder: the candidates by name and place, every file (for references), and refusals. */
export interface FolderScan {
  readonly candidates: string[];
  readonly all: string[];
  readonly refused: Refusal[];
}

/** Lists the candidate files under `root` (absolute paths), depth first, in a stable order. */
export function scanFolder(root: string): string[] {
  return scanFolderFully(root).candidates;
}

/** A folder to visit, with the chain of real folders above it (to recognise symbolic-link loops). */
interface PendingDir {
  readonly dir: string;
  readonly real: string;
  readonly parent: PendingDir | undefined;
}

function onChain(entry: PendingDir | undefined, real: string): boolean {
  for (let e = entry; e; e = e.parent) if (e.real === real) return true;
  return false;
}

/** What a directory entry is, with symbolic links resolved and contained. */
type EntryKind = { kind: 'dir'; real: string } | { kind: 'file' } | { kind: 'refused'; reason: string };

function classify(realRoot: string, full: string, e: fs.Dirent, parent: PendingDir): EntryKind {
  if (e.isDirectory()) return { kind: 'dir', real: path.join(parent.real, e.name) };
  if (e.isFile()) return { kind: 'file' };
  if (!e.isSymbolicLink()) return { kind: 'refused', reason: NOT_REGULAR };
  const real = safeRealpath(full);
  if (!real)
    return { kind: 'refused', reason: 'a symbolic link that does not resolve (missing target or a loop)' };
  if (!isInside(realRoot, real))
    return { kind: 'refused', reason: `a symbolic link to ${real}, outside the folder: not read` };
  const st = safeStat(real);
  if (st?.isDirectory()) return { kind: 'dir', real };
  if (st?.isFile()) return { kind: 'file' };
  return { kind: 'refused', reason: NOT_REGULAR };
}

/**
 * Lists every regular file under `root` and the candidates among them (absolute paths, sorted), and the
 * entries refused: symbolic links that leave `root` or do not resolve, and candidates that are not
 * regular files. A symbolic link back to a folder above it is a loop and is not followed.
 */
export function scanFolderFully(root: string): FolderScan {
  const realRoot = safeRealpath(root) ?? root;
  const found: string[] = [];
  const all: string[] = [];
  const refused: Refusal[] = [];
  const stack: PendingDir[] = [{ dir: root, real: realRoot, parent: undefined }];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_SCANNED_FILES) {
    const current = stack.pop() as PendingDir;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current.dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const e of entries) {
      visited++;
      const full = path.join(current.dir, e.name);
      const entry = classify(realRoot, full, e, current);
      if (entry.kind === 'dir') {
        if (!SKIPPED_DIRS.has(e.name) && !onChain(current, entry.real))
          stack.push({ dir: full, real: entry.real, parent: current });
      } else if (entry.kind === 'file') {
        all.push(full);
        if (isCandidatePath(toRelative(root, full))) found.push(full);
      } else if (e.isSymbolicLink() || isCandidatePath(toRelative(root, full))) {
        refused.push({ file: full, reason: entry.reason });
      }
    }
  }
  return { candidates: found.sort(), all: all.sort(), refused: refused.sort(byFile) };
}

function byFile(a: Refusal, b: Refusal): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

function safeStat(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function safeRealpath(p: string): string | undefined {
  try {
    // The system's realpath(3): one call where the JavaScript one stats every component (issue 6).
    return fs.realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** `full` relative to `root` with `/` separators. */
export function toRelative(root: string, full: string): string {
  if (plainBelow(root, full)) return full.slice(root.length + 1);
  return path.relative(root, full).split(path.sep).join('/');
}

/** The result of reading one file: its text, or that it is too large to read, or why it was not read. */
export type ReadResult =
  | { ok: true; text: string; tooLarge?: undefined }
  | { ok: true; text: ''; tooLarge: number }
  | { ok: false; error: string; refused?: boolean };

/** Opening flags: never block on a FIFO, never become a controlling terminal (0 where undefined). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/**
 * Reads a file as UTF-8, refusing files larger than `maxBytes` (they get a placeholder the model reports).
 * Only regular files are opened (checked before opening, then on the open descriptor, so a file swapped
 * for a FIFO meanwhile is not read), and at most `maxBytes` bytes are ever read. With `inside`, the path
 * actually opened must satisfy it (checked where the platform tells it).
 */
export function readTextFile(file: string, maxBytes: number, inside?: (real: string) => boolean): ReadResult {
  let fd: number | undefined;
  try {
    if (!fs.statSync(file).isFile()) return { ok: false, error: NOT_REGULAR, refused: true };
    fd = fs.openSync(file, OPEN_FLAGS);
    const opened = inside ? openedPath(fd) : undefined;
    if (opened !== undefined && !inside?.(opened))
      return {
        ok: false,
        error: `${opened} was opened instead, outside the workspace: not read`,
        refused: true,
      };
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, error: NOT_REGULAR, refused: true };
    if (st.size > maxBytes) return { ok: true, text: '', tooLarge: st.size };
    const buffer = Buffer.alloc(st.size + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    // More bytes than fstat said: the file is being written; better no text than a torn one.
    if (length > st.size) return { ok: false, error: 'changed while being read' };
    const bytes = buffer.subarray(0, length);
    // ASCII (most configs) reads the same as Latin-1, which decodes 4 MB in 3 ms where UTF-8 takes 7.
    return { ok: true, text: isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8') };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The path the kernel actually opened for `fd` (Linux: /proc/self/fd), so that a folder swapped for a
 * symbolic link between resolving a path and opening it is caught; undefined where that cannot be known.
 */
function openedPath(fd: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/** The real paths of the given folders (those that exist). */
export function realRoots(roots: readonly string[]): string[] {
  return roots.flatMap((r) => safeRealpath(r) ?? []);
}

/**
 * Reads `file` only if its real path (symbolic links resolved) lies inside one of `roots` (real paths):
 * the one gate every read of a site file goes through.
 */
export function readContained(roots: readonly string[], file: string, maxBytes: number): ReadResult {
  const real = safeRealpath(file);
  if (!real) return { ok: false, error: 'does not exist or does not resolve' };
  if (!roots.some((r) => isInside(r, real)))
    return {
      ok: false,
      refused: true,
      error:
        real === file
          ? 'outside the workspace: not read'
          : `resolves to ${real}, outside the workspace: not read`,
    };
  return readTextFile(real, maxBytes, (opened) => roots.some((r) => isInside(r, opened)));
}
