// Runs a bundle (dist/cli.js) as Node's require would, with V8's code cache: every `xen-nfs-boot check`
// would otherwise parse the 1 MB bundle and compile the functions it runs again (issue 6: the command line
// against `dhcpd -t`). Only the bundle beside this file is ever compiled; the cache only saves V8 the work.
//
// The cache (docs/security.md, "What is written"):
// - lives in its own folder, $XDG_CACHE_HOME/xen-nfs-boot (~/.cache/xen-nfs-boot; %LOCALAPPDATA% on Windows),
//   created 0700; it is not used if that folder is a symbolic link, not the user's, or writable by others,
//   nor if the cache file is not a regular file of the user's that only the user can write;
// - holds, after a header naming the Node and V8 versions and the architecture, a copy of the bundle it was
//   made from: it is used only if the bundle is byte for byte the same (and V8 checks again its own version,
//   flags and source length), so it is never used for another version of the bundle or of Node;
// - is written once (a new file renamed into place, so never seen half-written), when there was none or it
//   did not match; one file per installed bundle;
// - is optional: any error (no home folder, a read-only disk) runs the bundle without it, as before.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const { isAscii } = require('node:buffer');
const vm = require('node:vm');

const MAGIC = 'xen-nfs-boot code cache 1';
/** A cache larger than this is not read (the CLI's is about 2 MB: the bundle and its compiled code). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

function cacheFolder() {
  const base =
    process.platform === 'win32'
      ? process.env.LOCALAPPDATA
      : process.env.XDG_CACHE_HOME || (os.homedir() && path.join(os.homedir(), '.cache'));
  return base && path.isAbsolute(base) ? path.join(base, 'xen-nfs-boot') : undefined;
}

/** Whether a folder or file is the user's own and nobody else can write it (POSIX; Windows: its ACLs). */
function ownedByUserOnly(st) {
  if (process.platform === 'win32') return true;
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

/** The cache folder, created if missing, or undefined if it cannot be trusted. */
function ownFolder() {
  const dir = cacheFolder();
  if (!dir) return undefined;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.lstatSync(dir);
  return st.isDirectory() && ownedByUserOnly(st) ? dir : undefined;
}

/** A short name for the bundle's path (FNV-1a): one cache file per installed bundle. */
function nameOf(bundle) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bundle.length; i++) h = Math.imul(h ^ bundle.charCodeAt(i), 0x01000193);
  return `cli-${(h >>> 0).toString(16).padStart(8, '0')}.cache`;
}

/** The header: the runtime the code was compiled by and the bundle's length. */
function headerOf(bytes) {
  return `${MAGIC}\n${process.version} ${process.versions.v8} ${process.arch} ${process.platform}\n${bytes.length}\n`;
}

/** The whole file if it is a regular file of the user's, only they can write, of a sane size. */
function readOwnFile(file) {
  let fd;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile() || !ownedByUserOnly(st) || st.size > MAX_CACHE_BYTES) return undefined;
    const out = Buffer.alloc(st.size);
    let length = 0;
    for (let n = 1; n > 0 && length < out.length; length += n)
      n = fs.readSync(fd, out, length, out.length - length, null);
    return out.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The compiled code cached for exactly these bundle bytes under this runtime, if any. */
function readCache(file, bytes) {
  const cache = readOwnFile(file);
  const header = Buffer.from(headerOf(bytes), 'latin1');
  const dataAt = header.length + bytes.length;
  if (!cache || cache.length <= dataAt) return undefined;
  if (!cache.subarray(0, header.length).equals(header)) return undefined;
  if (!cache.subarray(header.length, dataAt).equals(bytes)) return undefined;
  return cache.subarray(dataAt);
}

/** Writes the cache: a new file, renamed into place. */
function writeCache(file, bytes, data) {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(temporary, Buffer.concat([Buffer.from(headerOf(bytes), 'latin1'), bytes, data]), {
      flag: 'wx',
      mode: 0o600,
    });
    fs.renameSync(temporary, file);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

/** Runs `bundle` (an absolute path) as a module of the main program, with the code cache when it can. */
function runBundle(bundle) {
  const bytes = fs.readFileSync(bundle);
  // esbuild writes ASCII (it escapes the rest): decoding it as Latin-1 gives the same text, faster.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  let file;
  try {
    const dir = ownFolder();
    file = dir && path.join(dir, nameOf(bundle));
  } catch {
    file = undefined;
  }
  const cachedData = file && readCache(file, bytes);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (file && (!cachedData || script.cachedDataRejected)) {
    // After the run, so that the cache holds the functions the check compiled too.
    process.once('exit', () => {
      try {
        writeCache(file, bytes, script.createCachedData());
      } catch {
        // No cache this time: the next run compiles again.
      }
    });
  }
  // The bundle requires only Node's own modules: a require relative to it is all it needs.
  const module = new Module(bundle, require.main);
  module.filename = bundle;
  const wrapper = script.runInThisContext();
  wrapper.call(
    module.exports,
    module.exports,
    Module.createRequire(bundle),
    module,
    bundle,
    path.dirname(bundle),
  );
  module.loaded = true;
}

module.exports = { runBundle };
