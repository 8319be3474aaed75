/**
 * GRUB legacy device and file names (GRUB legacy manual "Naming convention", "File name syntax";
 * stage2/disk_io.c `set_device`, `grub_open`): `(fd0)`, `(hd0)`, `(hd0,2)`, `(hd0,2,a)`, `(hd0,a)`, `(nd)`
 * (the network: files come over TFTP), a BIOS drive number `(0x80)`; then an absolute path
 * `/boot/vmlinuz` or a block list `+1`, `0+1,5+3`. A path without a device is read from the root device.
 */

/** A device name as written, parsed. */
export interface GrubDevice {
  /** `fd`, `hd`, `nd`, `cd`, or `bios` for a bare drive number; undefined for `()` (the current drive). */
  readonly kind: 'fd' | 'hd' | 'nd' | 'cd' | 'bios' | undefined;
  readonly drive: number | undefined;
  /** The PC partition, counted from 0. */
  readonly partition: number | undefined;
  /** The BSD sub-partition letter. */
  readonly bsd: string | undefined;
}

const DEVICE =
  /^(?:(fd|hd)(0x[0-9a-fA-F]+|\d+)|(nd|cd)|(0x[0-9a-fA-F]+|\d+))?(?:,(?:(\d+)(?:,?([a-h]))?|([a-h])))?$/;

/** Parses the inside of `( … )`; undefined when GRUB would refuse it ("Error 11: Unrecognized device string"). */
export function parseDevice(body: string): GrubDevice | undefined {
  const m = DEVICE.exec(body);
  if (!m) return undefined;
  const kind = (m[1] ?? m[3] ?? (m[4] !== undefined ? 'bios' : undefined)) as GrubDevice['kind'];
  const number = m[2] ?? m[4];
  const partition = m[5] !== undefined ? Number(m[5]) : undefined;
  // Partitions exist only on hard disks, and GRUB numbers at most 0xFE of them.
  if (partition !== undefined && (kind === 'fd' || kind === 'nd' || partition > 0xfe)) return undefined;
  return {
    kind,
    drive: number === undefined ? undefined : Number(number),
    partition,
    bsd: m[6] ?? m[7],
  };
}

/** How a file argument reads: an optional device, then a path or a block list. */
export interface GrubFileName {
  /** The device text without parentheses, if the name starts with one. */
  readonly device: string | undefined;
  /** Where the path starts in the word (after the device). */
  readonly pathAt: number;
  readonly path: string;
  readonly kind: 'path' | 'blocklist' | 'empty' | 'invalid';
  /** What is wrong, if GRUB would refuse it. */
  readonly problem: string | undefined;
}

const BLOCKLIST = /^(?:\d*\+\d+|\d+\[\d+-\d+\])(?:,(?:\d*\+\d+|\d+\[\d+-\d+\]))*$/;

/** Splits and judges a file name as GRUB's `grub_open` reads it. */
export function parseFileName(word: string): GrubFileName {
  let device: string | undefined;
  let pathAt = 0;
  if (word.startsWith('(')) {
    const close = word.indexOf(')');
    if (close < 0) return invalid(word, 'the device has no closing `)`');
    device = word.slice(1, close);
    pathAt = close + 1;
    if (!parseDevice(device)) {
      return { ...invalid(word, deviceProblem(device)), device, pathAt };
    }
  }
  const path = word.slice(pathAt);
  if (path === '') return { device, pathAt, path, kind: 'empty', problem: undefined };
  if (path.startsWith('/')) return { device, pathAt, path, kind: 'path', problem: undefined };
  if (BLOCKLIST.test(path)) return { device, pathAt, path, kind: 'blocklist', problem: undefined };
  return {
    device,
    pathAt,
    path,
    kind: 'invalid',
    problem: `'${path}' is neither an absolute path nor a block list: GRUB stops with "Error 1: Filename must be either an absolute pathname or blocklist"`,
  };
}

function invalid(word: string, problem: string): GrubFileName {
  return { device: undefined, pathAt: 0, path: word, kind: 'invalid', problem };
}

/** The message for a device GRUB cannot read. */
export function deviceProblem(body: string): string {
  return `'(${body})' is not a GRUB device: write (fd0), (hd0), (hd0,1), (hd0,1,a) or (nd)`;
}
