import type { Span } from '../../core/text';
import type { GrubMagicComment } from './ast';

/**
 * Debian's update-grub (the grub-legacy package, /usr/sbin/update-grub) keeps its settings in comments of
 * menu.lst, between "## ## Start Default Options ##" and "## ## End Default Options ##": a line with one
 * `#`, a key, `=` and a value. GRUB itself ignores them; update-grub reads them when it rewrites the
 * entries between "### BEGIN AUTOMAGIC KERNELS LIST" and "### END DEBIAN AUTOMAGIC KERNELS LIST".
 */

/** One update-grub setting. */
export interface MagicCommentSpec {
  readonly key: string;
  readonly doc: string;
}

const SOURCE = 'Debian grub-legacy update-grub';

/** The settings update-grub reads, documented in this project's words. */
export const MAGIC_COMMENTS: readonly MagicCommentSpec[] = [
  {
    key: 'kopt',
    doc:
      'The Linux command line of every generated entry (`root=/dev/hda1 ro`). `kopt_2_6_8=…` applies to one ' +
      'kernel version. For an NFS root put `root=/dev/nfs nfsroot=… ip=…` here, not in the entries, which ' +
      'update-grub rewrites.',
  },
  { key: 'groot', doc: 'The GRUB root device of the generated entries, e.g. `(hd0,0)`.' },
  {
    key: 'alternative',
    doc: '`true`: also generate the alternative entries (`altoptions`, e.g. single-user).',
  },
  {
    key: 'lockalternative',
    doc: '`true`: add `lock` to the alternative entries, so they need the password.',
  },
  { key: 'defoptions', doc: 'Options added to the default entries only, not to the alternatives.' },
  { key: 'lockold', doc: '`true`: add `lock` to the entries of older kernels.' },
  {
    key: 'xenhopt',
    doc: 'The Xen hypervisor command line of the generated Xen entries (`dom0_mem=512M`), after `kernel /boot/xen…`.',
  },
  {
    key: 'xenkopt',
    doc:
      'The dom0 Linux command line added to the Xen entries (after `module /boot/vmlinuz…`), e.g. ' +
      '`console=tty0`.',
  },
  { key: 'altoptions', doc: 'An alternative entry: `(title suffix) options`; several lines are allowed.' },
  { key: 'howmany', doc: 'How many kernels get entries: a number or `all`.' },
  { key: 'memtest86', doc: '`true`: add an entry for memtest86 when it is installed.' },
  { key: 'updatedefaultentry', doc: '`true`: keep `default` pointing at the same kernel when entries move.' },
  { key: 'savedefault', doc: '`true`: add `savedefault` to the generated entries.' },
  {
    key: 'indomU',
    doc: '`true`, `false` or `detect`: whether this system is a Xen guest (then no Xen entries).',
  },
].map((m) => ({ ...m, doc: `${m.doc}\n\nSource: ${SOURCE}` }));

/** The settings by key (`kopt_<version>` counts as `kopt`). */
export const MAGIC_COMMENT_MAP: ReadonlyMap<string, MagicCommentSpec> = new Map(
  MAGIC_COMMENTS.map((m) => [m.key, m]),
);

/** The setting a key names, `kopt_2_6_8` included. */
export function magicCommentSpec(key: string): MagicCommentSpec | undefined {
  return MAGIC_COMMENT_MAP.get(/^kopt_[0-9a-z_]+$/.test(key) ? 'kopt' : key);
}

const MAGIC = /^#[ \t]*([A-Za-z][A-Za-z0-9_]*)=(.*)$/;

/** The update-grub settings among a file's comments. */
export function findMagicComments(text: string, comments: readonly Span[]): GrubMagicComment[] {
  const found: GrubMagicComment[] = [];
  for (const c of comments) {
    const raw = text.slice(c.start, c.end);
    const m = MAGIC.exec(raw);
    if (!m || !magicCommentSpec(m[1])) continue;
    const keyStart = c.start + raw.indexOf(m[1]);
    const valueStart = keyStart + m[1].length + 1;
    found.push({
      key: { text: m[1], span: { start: keyStart, end: keyStart + m[1].length } },
      value: { text: m[2].trim(), span: { start: valueStart, end: c.end } },
      span: c,
    });
  }
  return found;
}
