import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
// The module object itself (the `* as` namespace only has getters), so the spy below replaces its functions.
import fsModule from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A string that appears only in the files outside the workspace: it must never reach any output. */
export const MARKER = 'OUTSIDE-SECRET-3f9c';

/** A temporary workspace that tries every way out of itself, and a folder outside it to escape to. */
export interface HostileSite {
  readonly root: string;
  readonly outside: string;
  /** Absolute paths that must never be opened. */
  readonly forbidden: readonly string[];
  readonly dhcpdConf: string;
  readonly dispose: () => void;
}

/**
 * Builds the workspace: `etc/exports` → /etc/shadow, `etc/xen/escape.cfg` and `etc/dhcp/secret.conf` → files
 * outside, a dhcpd.conf including /etc/passwd and that secret, a GRUB `configfile` and a PXELINUX `INCLUDE`
 * of /etc/passwd, a FIFO named `exports`, a symbolic-link loop and two links pointing at each other.
 */
export function makeHostileSite(): HostileSite {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-contain-'));
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-outside-'));
  const write = (rel: string, text: string): string => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  const link = (rel: string, target: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.symlinkSync(target, path.join(root, rel));
  };
  fs.writeFileSync(path.join(outside, 'domu.cfg'), `name = "${MARKER}"\nmemory = 'oops\n`);
  fs.writeFileSync(path.join(outside, 'secret.conf'), `host ${MARKER} { hardware ethernet zz; }\n`);
  write('etc/xen/domu1', 'name = "domu1"\nmemory = 512\n');
  link('etc/exports', '/etc/shadow');
  link('etc/xen/escape.cfg', path.join(outside, 'domu.cfg'));
  link('etc/dhcp/secret.conf', path.join(outside, 'secret.conf'));
  const dhcpdConf = write(
    'etc/dhcp/dhcpd.conf',
    'include "/etc/passwd";\ninclude "/etc/dhcp/secret.conf";\nsubnet 10.0.0.0 netmask 255.255.255.0 { }\n',
  );
  write('boot/grub/menu.lst', 'default 0\ntitle escape\nconfigfile /etc/passwd\n');
  write(
    'tftpboot/pxelinux.cfg/default',
    'DEFAULT linux\nINCLUDE /etc/passwd\nLABEL linux\n  KERNEL vmlinuz\n',
  );
  fs.mkdirSync(path.join(root, 'nfs1/etc'), { recursive: true });
  // mkfifo(1): Node has no API to make a FIFO. Only the test runs it, never the code under test.
  execFileSync('mkfifo', [path.join(root, 'nfs1/etc/exports')]);
  link('loop/up', '..');
  link('ping', 'pong');
  link('pong', 'ping');
  return {
    root,
    outside,
    forbidden: ['/etc/shadow', '/etc/passwd', outside],
    dhcpdConf,
    dispose: () => {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    },
  };
}

/**
 * Records every path opened through `fs.openSync` and `fs.readFileSync`, and counts `fs.readSync` calls,
 * until `stop()` (the real functions run).
 */
export function spyOnOpens(): { opened: string[]; reads: () => number; stop: () => void } {
  const opened: string[] = [];
  let reads = 0;
  const realOpen = fs.openSync;
  const realRead = fs.readFileSync;
  const realReadSync = fs.readSync;
  const note = (p: unknown): void => {
    if (typeof p === 'string') opened.push(path.resolve(p));
    else if (p instanceof URL) opened.push(p.pathname);
  };
  const mutable = fsModule as {
    openSync: typeof fs.openSync;
    readFileSync: typeof fs.readFileSync;
    readSync: typeof fs.readSync;
  };
  mutable.readSync = ((...args: never[]) => {
    reads++;
    return (realReadSync as (...a: unknown[]) => number)(...args);
  }) as typeof fs.readSync;
  mutable.openSync = ((p: fs.PathLike, ...rest: never[]) => {
    note(p);
    return (realOpen as (...a: unknown[]) => number)(p, ...rest);
  }) as typeof fs.openSync;
  mutable.readFileSync = ((p: fs.PathOrFileDescriptor, ...rest: never[]) => {
    note(p);
    return (realRead as (...a: unknown[]) => unknown)(p, ...rest);
  }) as typeof fs.readFileSync;
  return {
    opened,
    reads: () => reads,
    stop: () => {
      mutable.readSync = realReadSync;
      mutable.openSync = realOpen;
      mutable.readFileSync = realRead;
    },
  };
}

/** The opened paths that are forbidden (a forbidden folder forbids what is inside it). */
export function forbiddenOpens(opened: readonly string[], forbidden: readonly string[]): string[] {
  return opened.filter((o) => forbidden.some((f) => o === f || o.startsWith(f + path.sep)));
}
