/**
 * The NFS mount options that may follow the path in `nfsroot=<server>:<path>,<options>`. The kernel hands
 * them, after its defaults and before its own `nolock,addr=<server>`, to the NFS client's parser (Linux 6.1
 * fs/nfs/fs_context.c `nfs_fs_parameters`); an option it does not know fails the root mount unless
 * `sloppy` is given.
 */

import type { SubOptionSpec } from '../option-spec';

const SRC_CTX = 'fs/nfs/fs_context.c';
const SRC_NFSROOT = 'fs/nfs/nfsroot.c';
const SRC_SB = 'fs/fs_context.c (generic superblock flags)';

/** The NFS versions `vers=`/`nfsvers=` accept. */
export const NFS_VERSION_VALUES: readonly string[] = ['2', '3', '4', '4.0', '4.1', '4.2'];

/** Short `vN` flags: each is `vers=N`. */
const VERSION_FLAGS: readonly SubOptionSpec[] = NFS_VERSION_VALUES.map((v) => ({
  name: `v${v}`,
  doc: `Short for \`vers=${v}\`.`,
  source: SRC_CTX,
}));

/** Protocol version and transport. */
const VERSION_AND_TRANSPORT: readonly SubOptionSpec[] = [
  {
    name: 'vers',
    doc:
      'NFS protocol version. Without it nfsroot (Linux 5.11 and later) takes v2 if built in, else v3, else ' +
      'v4; older kernels used v2. The server must offer that version; for v4 the path is seen from the ' +
      '`fsid=0` pseudo-root of its exports.',
    source: `${SRC_CTX}; ${SRC_NFSROOT}`,
    values: NFS_VERSION_VALUES,
  },
  {
    name: 'nfsvers',
    doc: 'Another name for `vers`.',
    source: SRC_CTX,
    values: NFS_VERSION_VALUES,
  },
  ...VERSION_FLAGS,
  {
    name: 'minorversion',
    doc: 'NFSv4 minor version, 0 to 2; `vers=4.1` says the same more plainly.',
    source: SRC_CTX,
  },
  {
    name: 'proto',
    doc: 'Transport for NFS requests; the `6` forms use IPv6, which the kernel nfsroot cannot configure.',
    source: SRC_CTX,
    values: ['tcp', 'udp', 'rdma', 'tcp6', 'udp6', 'rdma6'],
  },
  {
    name: 'tcp',
    doc: "Use TCP, nfsroot's default since Linux 5.6.",
    source: `${SRC_CTX}; ${SRC_NFSROOT}`,
  },
  {
    name: 'udp',
    doc:
      "Use UDP, nfsroot's default before Linux 5.6. Kernels built with `NFS_DISABLE_UDP_SUPPORT` (the " +
      'default since 5.6) refuse it, and NFSv4 never runs over UDP.',
    source: `${SRC_CTX}; fs/nfs/Kconfig`,
  },
  {
    name: 'rdma',
    doc:
      'Use RPC over RDMA; needs RDMA hardware and the RDMA ' +
      'transport module, so hardly usable for a root.',
    source: SRC_CTX,
  },
  {
    name: 'port',
    doc: "Server port of the NFS service; by default the server's rpcbind is asked (v4 uses 2049).",
    source: SRC_CTX,
  },
  {
    name: 'addr',
    doc:
      'Server address. nfsroot appends its own `addr=` after these options, so a value given here is ' +
      'overridden.',
    source: `${SRC_CTX}; ${SRC_NFSROOT}`,
  },
  {
    name: 'clientaddr',
    doc: 'NFSv4: the client address the server calls back; normally found automatically.',
    source: SRC_CTX,
  },
  {
    name: 'mountport',
    doc: 'v2/v3: port of the server mountd; by default asked from rpcbind.',
    source: SRC_CTX,
  },
  {
    name: 'mountproto',
    doc: 'v2/v3: transport for the MOUNT protocol; follows the NFS transport by default.',
    source: SRC_CTX,
    values: ['tcp', 'udp', 'tcp6', 'udp6'],
  },
  {
    name: 'mountvers',
    doc: 'v2/v3: MOUNT protocol version, 1 to 3.',
    source: SRC_CTX,
  },
  {
    name: 'mounthost',
    doc: 'v2/v3: host running mountd, when it is not the NFS server.',
    source: SRC_CTX,
  },
  {
    name: 'mountaddr',
    doc: 'v2/v3: address of the mountd host.',
    source: SRC_CTX,
  },
  {
    name: 'nconnect',
    doc: 'Number of TCP connections to the server, 1 to 16.',
    source: SRC_CTX,
  },
  {
    name: 'max_connect',
    doc: 'NFSv4.1: most transports to open for session trunking, 1 to 128.',
    source: SRC_CTX,
  },
  {
    name: 'trunkdiscovery',
    doc: 'NFSv4.1: look for further server addresses to trunk over (on by default).',
    source: SRC_CTX,
  },
  {
    name: 'notrunkdiscovery',
    doc: 'NFSv4.1: skip trunking discovery.',
    source: SRC_CTX,
  },
];

/** Transfer sizes, timeouts and recovery. */
const SIZES_AND_TIMEOUTS: readonly SubOptionSpec[] = [
  {
    name: 'rsize',
    doc: 'Largest read payload per request, in bytes; nfsroot asks for 4096, the server may lower it.',
    source: `${SRC_CTX}; ${SRC_NFSROOT}`,
  },
  {
    name: 'wsize',
    doc: 'Largest write payload per request, in bytes; nfsroot asks for 4096, the server may lower it.',
    source: `${SRC_CTX}; ${SRC_NFSROOT}`,
  },
  {
    name: 'bsize',
    doc: 'Block size the file system reports to programs.',
    source: SRC_CTX,
  },
  {
    name: 'timeo',
    doc:
      'Wait before the first retransmission, in tenths of a second; 600 over TCP and 11 over UDP by ' +
      'default.',
    source: SRC_CTX,
  },
  {
    name: 'retrans',
    doc: 'Retries before a major timeout: 2 over TCP, 3 over UDP by default.',
    source: SRC_CTX,
  },
  {
    name: 'hard',
    doc: 'Retry for as long as the server is away (the default); what a root file system wants.',
    source: SRC_CTX,
  },
  {
    name: 'soft',
    doc:
      'Fail a request with an error after `retrans` retries; on a root file system programs then fail at ' +
      'random.',
    source: SRC_CTX,
  },
  {
    name: 'softerr',
    doc: 'Like `soft`, but the error returned is ETIMEDOUT.',
    source: SRC_CTX,
  },
  {
    name: 'softreval',
    doc: 'With `soft`: use cached attributes when the server cannot be reached.',
    source: SRC_CTX,
  },
  {
    name: 'nosoftreval',
    doc: 'Turn `softreval` off again.',
    source: SRC_CTX,
  },
  {
    name: 'intr',
    doc: 'Accepted with a deprecation warning and otherwise ignored since Linux 2.6.25.',
    source: SRC_CTX,
    deprecated: 'remove it; a hung NFS call can always be killed with SIGKILL',
  },
  {
    name: 'nointr',
    doc: 'Accepted with a deprecation warning and otherwise ignored since Linux 2.6.25.',
    source: SRC_CTX,
    deprecated: 'remove it',
  },
];

/** Attribute caching and consistency. */
const CACHING: readonly SubOptionSpec[] = [
  {
    name: 'acregmin',
    doc: 'Shortest time attributes of a file stay cached, in seconds (default 3).',
    source: SRC_CTX,
  },
  {
    name: 'acregmax',
    doc: 'Longest time attributes of a file stay cached, in seconds (default 60).',
    source: SRC_CTX,
  },
  {
    name: 'acdirmin',
    doc: 'Shortest time directory attributes stay cached, in seconds (default 30).',
    source: SRC_CTX,
  },
  {
    name: 'acdirmax',
    doc: 'Longest time directory attributes stay cached, in seconds (default 60).',
    source: SRC_CTX,
  },
  { name: 'actimeo', doc: 'Set all four attribute cache times to one value, in seconds.', source: SRC_CTX },
  { name: 'ac', doc: 'Cache file attributes (the default).', source: SRC_CTX },
  {
    name: 'noac',
    doc: 'Do not cache attributes; every access asks the server, which makes a root very slow.',
    source: SRC_CTX,
  },
  {
    name: 'cto',
    doc: 'Close-to-open consistency: revalidate a file when it is opened (the default).',
    source: SRC_CTX,
  },
  {
    name: 'nocto',
    doc: 'Skip close-to-open revalidation; faster, but changes by others show up late.',
    source: SRC_CTX,
  },
  {
    name: 'lookupcache',
    doc: 'Which directory lookups are cached: all, only positive ones, or none.',
    source: SRC_CTX,
    values: ['all', 'none', 'pos', 'positive'],
  },
  {
    name: 'sharecache',
    doc: 'Share caches between mounts of the same export (the default).',
    source: SRC_CTX,
  },
  { name: 'nosharecache', doc: 'Give this mount caches of its own.', source: SRC_CTX },
  {
    name: 'fsc',
    doc:
      'Cache file data locally with FS-Cache; needs a running cachefilesd, which does not exist yet at ' +
      'root mount.',
    source: SRC_CTX,
  },
  { name: 'nofsc', doc: 'No FS-Cache (the default).', source: SRC_CTX },
  {
    name: 'write',
    doc: 'When written data is sent: `lazy` (the default), `eager` or `wait` for the reply.',
    source: SRC_CTX,
    values: ['lazy', 'eager', 'wait'],
  },
];

/** Locking, security and protocol features. */
const LOCKING_SECURITY: readonly SubOptionSpec[] = [
  {
    name: 'lock',
    doc:
      'Use the NLM lock protocol (v2/v3). Pointless in `nfsroot=`: the kernel appends `nolock` after your ' +
      'options.',
    source: `${SRC_CTX}; ${SRC_NFSROOT}`,
  },
  {
    name: 'nolock',
    doc: 'Keep locks local to the client. nfsroot always adds it, because no lock daemon runs that early.',
    source: `${SRC_CTX}; ${SRC_NFSROOT}`,
  },
  {
    name: 'local_lock',
    doc: 'Which lock kinds stay local to the client: `none`, `flock`, `posix` or `all`.',
    source: SRC_CTX,
    values: ['all', 'flock', 'posix', 'none'],
  },
  {
    name: 'sec',
    doc:
      'RPC security flavour(s), colon-separated. A kernel NFS root mounts before any Kerberos daemon runs, ' +
      'so only `sys` (the default) or `none` can work there.',
    source: SRC_CTX,
    values: ['sys', 'none', 'null', 'krb5', 'krb5i', 'krb5p'],
  },
  {
    name: 'resvport',
    doc:
      'Talk from a privileged source port (the default), as ' +
      'exports marked `secure` (the default) require.',
    source: SRC_CTX,
  },
  {
    name: 'noresvport',
    doc: 'Talk from an unprivileged port; the server export then needs `insecure`.',
    source: SRC_CTX,
  },
  { name: 'posix', doc: 'v2/v3: ask the server for POSIX path semantics.', source: SRC_CTX },
  { name: 'noposix', doc: 'v2/v3: do not ask for POSIX path semantics (the default).', source: SRC_CTX },
  {
    name: 'acl',
    doc: 'v3: use the side protocol for POSIX ACLs when the server offers it.',
    source: SRC_CTX,
  },
  { name: 'noacl', doc: 'v3: do not use the ACL side protocol.', source: SRC_CTX },
  {
    name: 'rdirplus',
    doc: 'v3/v4: read directories with READDIRPLUS, attributes included (the default).',
    source: SRC_CTX,
  },
  { name: 'nordirplus', doc: 'v3/v4: use plain READDIR.', source: SRC_CTX },
  { name: 'namlen', doc: 'v2/v3: longest file name the server allows.', source: SRC_CTX },
  { name: 'migration', doc: 'NFSv4: follow the server when it migrates the file system.', source: SRC_CTX },
  { name: 'nomigration', doc: 'NFSv4: no migration support.', source: SRC_CTX },
];

/** Options only user space acts on, and the generic mount flags. */
const GENERIC: readonly SubOptionSpec[] = [
  {
    name: 'sloppy',
    doc: 'Skip options the kernel does not know instead of failing the mount.',
    source: SRC_CTX,
  },
  { name: 'bg', doc: 'For mount.nfs in user space; the kernel accepts and ignores it.', source: SRC_CTX },
  { name: 'fg', doc: 'For mount.nfs in user space; the kernel accepts and ignores it.', source: SRC_CTX },
  { name: 'retry', doc: 'For mount.nfs in user space; the kernel accepts and ignores it.', source: SRC_CTX },
  {
    name: 'ro',
    doc: 'Generic read-only flag. For the root, the kernel parameters `ro`/`rw` are what counts.',
    source: SRC_SB,
  },
  {
    name: 'rw',
    doc: 'Generic read-write flag. For the root, the kernel parameters `ro`/`rw` are what counts.',
    source: SRC_SB,
  },
  { name: 'sync', doc: 'Generic flag: write synchronously.', source: SRC_SB },
  { name: 'async', doc: 'Generic flag: write asynchronously (the default).', source: SRC_SB },
];

/** The mount options `nfsroot=` accepts after the path, as Linux 6.1 parses them. */
export const NFSROOT_OPTIONS: readonly SubOptionSpec[] = [
  ...VERSION_AND_TRANSPORT,
  ...SIZES_AND_TIMEOUTS,
  ...CACHING,
  ...LOCKING_SECURITY,
  ...GENERIC,
];
