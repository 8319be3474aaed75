// The CLI launcher's V8 code cache (bin/code-cache.js): the same output with and without it, written once,
// in a private folder, never used for another bundle, never through a folder or file others can write.
// Needs dist/cli.js (`npm run build`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.join(__dirname, '../../..');
const BIN = path.join(REPO, 'bin/xen-nfs-boot.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function check(cacheHome: string): Run {
  const r = spawnSync(process.execPath, [BIN, 'check', 'examples/lab', '--format', 'json'], {
    cwd: REPO,
    env: { ...process.env, XDG_CACHE_HOME: cacheHome },
    encoding: 'utf8',
    timeout: 60000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cacheFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cache')) : [];
}

describe('the CLI code cache (bin/code-cache.js)', function () {
  this.timeout(120000);
  let home: string;
  let dir: string;
  let expected: Run;
  before(() => {
    assert.ok(fs.existsSync(path.join(REPO, 'dist/cli.js')), 'dist/cli.js is missing: npm run build first');
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-code-cache-'));
    dir = path.join(home, 'xen-nfs-boot');
    // Without a usable cache folder (XDG_CACHE_HOME is a file): what the bundle prints on its own.
    const file = path.join(home, 'not-a-folder');
    fs.writeFileSync(file, '');
    expected = check(file);
    assert.equal(expected.status, 1, expected.stderr);
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('writes one cache in a folder only the user can open, then reads it: same output, same exit code', () => {
    assert.deepEqual(check(home), expected);
    const [name] = cacheFiles(dir);
    assert.ok(name, 'no cache written');
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
    const file = path.join(dir, name);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const written = fs.statSync(file).mtimeMs;
    assert.deepEqual(check(home), expected);
    assert.equal(fs.statSync(file).mtimeMs, written, 'a valid cache was written again');
    assert.deepEqual(cacheFiles(dir), [name]);
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
      'a temporary file was left',
    );
  });

  it('does not use a cache made from another bundle: it replaces it', () => {
    check(home);
    const [name] = cacheFiles(dir);
    const file = path.join(dir, name);
    const bytes = fs.readFileSync(file);
    // The copy of the bundle follows the three header lines: change one byte of it.
    let at = 0;
    for (let lines = 0; lines < 3; at++) if (bytes[at] === 0x0a) lines++;
    bytes[at + 100] ^= 1;
    fs.writeFileSync(file, bytes);
    assert.deepEqual(check(home), expected);
    assert.notDeepEqual(fs.readFileSync(file), bytes, 'the stale cache was kept');
  });

  it('neither reads nor writes through a folder others can write, or a cache file that is a link', () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { mode: 0o777 });
    fs.chmodSync(dir, 0o777);
    assert.deepEqual(check(home), expected);
    assert.deepEqual(cacheFiles(dir), [], 'a cache was written in a world-writable folder');

    fs.chmodSync(dir, 0o700);
    const target = path.join(home, 'target');
    fs.writeFileSync(target, 'not a cache');
    check(home);
    const [name] = cacheFiles(dir);
    fs.rmSync(path.join(dir, name));
    fs.symlinkSync(target, path.join(dir, name));
    assert.deepEqual(check(home), expected);
    assert.equal(fs.readFileSync(target, 'utf8'), 'not a cache', 'the link target was written');
  });
});
