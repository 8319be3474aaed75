/**
 * Every export option nfs-utils 2.6 exportfs knows (support/nfs/exports.c `parseopts`), with its value
 * form, the setting it switches, exportfs's default and what it does, in this project's own words.
 * Hover, completion and validation all read this table (docs: exports(5), exportfs(8)).
 */

/** How an option is written: a bare keyword, `keyword=value`, or either. */
export type ExportOptionForm = 'flag' | 'value' | 'optional-value';

/** How the value after `=` is read. */
export type ExportValueForm = 'id' | 'fsid' | 'flavours' | 'path' | 'locations' | 'id-list';

/** One export option. */
export interface ExportOptionSpec {
  readonly name: string;
  readonly form: ExportOptionForm;
  /** The setting a flag switches: two flags of one setting with different `state`s contradict. */
  readonly setting?: string;
  readonly state?: string;
  /** Whether this flag is what exportfs assumes when the setting is not given. */
  readonly isDefault?: boolean;
  readonly valueForm?: ExportValueForm;
  /** Values worth offering in completion (the full set where it is enumerable). */
  readonly values?: readonly string[];
  /** The default when not given, in words (valued options). */
  readonly default?: string;
  /** Another name for the same option. */
  readonly aliasOf?: string;
  /** Options that may differ per `sec=` flavour (exports(5), "RPCSEC_GSS security"). */
  readonly perFlavour?: boolean;
  readonly doc: string;
  readonly source: string;
}

const MAN = 'exports(5)';
const UNDOC = 'nfs-utils 2.6 support/nfs/exports.c (parseopts); not in exports(5)';

/** The security flavours `sec=` accepts (exports.c `flav_map`). */
export const SEC_FLAVOURS: readonly string[] = ['sys', 'krb5', 'krb5i', 'krb5p', 'unix', 'null', 'none'];

function flag(
  name: string,
  setting: string,
  state: string,
  doc: string,
  extra: Partial<ExportOptionSpec> = {},
): ExportOptionSpec {
  return { name, form: 'flag', setting, state, doc, source: MAN, ...extra };
}

/** Access and write behaviour. */
const ACCESS: readonly ExportOptionSpec[] = [
  flag(
    'ro',
    'access',
    'ro',
    'Clients may only read: every request that would change the file system is refused.',
    {
      isDefault: true,
      perFlavour: true,
    },
  ),
  flag(
    'rw',
    'access',
    'rw',
    'Clients may read and write. Without it the export is read-only, which a diskless root cannot boot from ' +
      'unless its writable parts live elsewhere.',
    { perFlavour: true },
  ),
  flag(
    'sync',
    'writes',
    'sync',
    'The server answers a write only after the data is on stable storage. The default since nfs-utils 1.0.1; ' +
      'older versions defaulted to `async` and warned when neither was given.',
    { isDefault: true },
  ),
  flag(
    'async',
    'writes',
    'async',
    'The server may answer before the data is on disk: faster, but a server crash can lose or corrupt ' +
      'data a client believes written.',
  ),
  flag(
    'wdelay',
    'wdelay',
    'on',
    'The server may hold a write back briefly when it expects a related write, to commit both at once. ' +
      'Has no effect together with `async`.',
    { isDefault: true },
  ),
  flag('no_wdelay', 'wdelay', 'off', 'Commit each write at once instead of waiting for related writes.'),
  flag(
    'secure',
    'port',
    'secure',
    'Requests not using Kerberos must come from a privileged source port (below 1024).',
    { isDefault: true },
  ),
  flag(
    'insecure',
    'port',
    'insecure',
    'Accept requests from any source port: needed by some user-space clients and by NAT in between.',
  ),
];

/** File-system boundaries and subtree checking. */
const TREE: readonly ExportOptionSpec[] = [
  flag(
    'hide',
    'hide',
    'hide',
    'A file system mounted below another export stays hidden from NFSv2/v3 clients of the parent: they ' +
      'see an empty directory unless they mount it too.',
    { isDefault: true },
  ),
  flag(
    'nohide',
    'hide',
    'nohide',
    'Show this file system to clients of the parent export without a separate mount (works reliably only ' +
      'for single-host clients; NFSv4 never hides).',
  ),
  flag(
    'crossmnt',
    'crossmnt',
    'on',
    'Clients may walk into every file system mounted below this export; those file systems are exported ' +
      'implicitly with the same options (except `fsid=`).',
  ),
  flag('nocrossmnt', 'crossmnt', 'off', 'Turn `crossmnt` off again (the default).', { isDefault: true }),
  flag(
    'subtree_check',
    'subtree',
    'on',
    'For an export below a file system root, check on every request that the file lies inside the ' +
      'exported tree. Costs reliability when files are renamed while open.',
  ),
  flag(
    'no_subtree_check',
    'subtree',
    'off',
    'Skip the subtree check. The default since nfs-utils 1.1.0, but exportfs warns when neither form is ' +
      'given; saying it explicitly silences the warning.',
    { isDefault: true },
  ),
  flag(
    'nordirplus',
    'readdirplus',
    'off',
    'Refuse READDIRPLUS requests (NFSv3 only); clients fall back to READDIR.',
  ),
  flag(
    'security_label',
    'security-label',
    'on',
    'Let NFSv4.2 clients read and set security labels (SELinux); needs one label policy on all clients.',
  ),
  flag('pnfs', 'pnfs', 'on', 'Offer pNFS layouts (NFSv4.1 and later) when the file system supports them.'),
  flag('no_pnfs', 'pnfs', 'off', 'Do not offer pNFS (the default).', { isDefault: true }),
];

/** Identity mapping and locking. */
const IDENTITY: readonly ExportOptionSpec[] = [
  flag(
    'root_squash',
    'root-squash',
    'on',
    "Map the client's root (uid/gid 0) to the anonymous user. The default: a diskless root file system " +
      'then belongs to nobody and the client cannot boot properly.',
    { isDefault: true, perFlavour: true },
  ),
  flag(
    'no_root_squash',
    'root-squash',
    'off',
    "Leave the client's root as root on the server: needed for a diskless root, dangerous for anything " +
      'exported to untrusted hosts.',
    { perFlavour: true },
  ),
  flag(
    'all_squash',
    'all-squash',
    'on',
    'Map every user to the anonymous user (public, read-mostly trees).',
    {
      perFlavour: true,
    },
  ),
  flag('no_all_squash', 'all-squash', 'off', 'Keep user ids as sent (the default).', {
    isDefault: true,
    perFlavour: true,
  }),
  flag(
    'auth_nlm',
    'nlm-auth',
    'on',
    'Lock requests (NLM) must carry the credentials of a user who may read the file (the default).',
    { isDefault: true },
  ),
  flag('secure_locks', 'nlm-auth', 'on', 'Same as `auth_nlm`.', { isDefault: true, aliasOf: 'auth_nlm' }),
  flag(
    'no_auth_nlm',
    'nlm-auth',
    'off',
    'Do not check the credentials of lock requests: for old clients that send none.',
  ),
  flag('insecure_locks', 'nlm-auth', 'off', 'Same as `no_auth_nlm`.', { aliasOf: 'no_auth_nlm' }),
  flag('acl', 'acl', 'on', 'Pass POSIX ACLs to clients (the default).', { isDefault: true, source: UNDOC }),
  flag('no_acl', 'acl', 'off', 'Hide POSIX ACLs from clients; they see plain permission bits.', {
    source: UNDOC,
  }),
];

/** Options with a value. */
const VALUED: readonly ExportOptionSpec[] = [
  {
    name: 'anonuid',
    form: 'value',
    valueForm: 'id',
    values: ['65534'],
    default: '65534',
    doc: 'The uid squashed requests run as (`root_squash`, `all_squash`). A decimal number.',
    source: MAN,
  },
  {
    name: 'anongid',
    form: 'value',
    valueForm: 'id',
    values: ['65534'],
    default: '65534',
    doc: 'The gid squashed requests run as. A decimal number.',
    source: MAN,
  },
  {
    name: 'fsid',
    form: 'value',
    valueForm: 'fsid',
    values: ['0', 'root'],
    doc:
      'Names the file system to NFS: a small number, a UUID (32 hex digits), or `0`/`root` for the NFSv4 ' +
      "pseudo-root. An NFSv4 client then mounts `server:/`, not the export's path; NFSv3 (the kernel's " +
      'nfsroot default) still uses the full path.',
    source: MAN,
  },
  {
    name: 'sec',
    form: 'value',
    valueForm: 'flavours',
    values: SEC_FLAVOURS,
    default: 'sys',
    doc:
      'A colon-separated list of security flavours, preferred first: `sys` (no cryptography), `krb5`, ' +
      '`krb5i`, `krb5p`. Options after it (`ro`, `rw`, the squash options) apply to those flavours only.',
    source: MAN,
  },
  {
    name: 'mountpoint',
    form: 'optional-value',
    valueForm: 'path',
    doc:
      'Export only while the path (or, with a value, the named path) is a mount point: a failed mount ' +
      'then does not expose the empty directory below it.',
    source: MAN,
  },
  {
    name: 'mp',
    form: 'optional-value',
    valueForm: 'path',
    aliasOf: 'mountpoint',
    doc: 'Short for `mountpoint`.',
    source: MAN,
  },
  {
    name: 'refer',
    form: 'value',
    valueForm: 'locations',
    doc: 'Send clients to other servers instead: `path@host[+host][:path@host…]` (NFSv4 referral).',
    source: MAN,
  },
  {
    name: 'replicas',
    form: 'value',
    valueForm: 'locations',
    doc: 'Tell clients where replicas of this file system are: `path@host[+host][:path@host…]`.',
    source: MAN,
  },
  {
    name: 'squash_uids',
    form: 'value',
    valueForm: 'id-list',
    doc: 'Old option: uids (`n` or `n-m`, comma-separated) to squash; exportfs still parses it, `-1` is refused.',
    source: UNDOC,
  },
  {
    name: 'squash_gids',
    form: 'value',
    valueForm: 'id-list',
    doc: 'Old option: gids to squash, like `squash_uids`.',
    source: UNDOC,
  },
];

/** Every option exportfs (nfs-utils 2.6) accepts. */
export const EXPORT_OPTIONS: readonly ExportOptionSpec[] = [...ACCESS, ...TREE, ...IDENTITY, ...VALUED];

/** `EXPORT_OPTIONS` by name. */
export const EXPORT_OPTION_MAP: ReadonlyMap<string, ExportOptionSpec> = new Map(
  EXPORT_OPTIONS.map((o) => [o.name, o]),
);

/** What exportfs assumes before reading any option: `sync,ro,root_squash,wdelay` and the rest (exports.c). */
export const DEFAULT_FLAGS: readonly string[] = EXPORT_OPTIONS.filter((o) => o.isDefault && !o.aliasOf).map(
  (o) => o.name,
);

/** Checks a value the way exportfs does; returns why it is refused, or undefined when accepted. */
export function optionValueProblem(spec: ExportOptionSpec, value: string): string | undefined {
  switch (spec.valueForm) {
    case 'id':
      // strtol(…, 10) with the whole text consumed (exports.c: "bad anonuid").
      return /^\s*[+-]?\d+$/.test(value) ? undefined : `'${value}' is not a number`;
    case 'fsid':
      // strtoul(…, 0) with the whole text consumed: a sign and a 0x or 0 prefix are fine (`fsid=-1` too).
      if (value === 'root' || /^\s*[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.test(value)) return undefined;
      // Anything else must be a UUID: exportfs counts 32 hex digits and ignores the punctuation.
      return [...value].filter((c) => /[0-9a-fA-F]/.test(c)).length === 32
        ? undefined
        : `'${value}' is neither a number, 'root' nor a UUID of 32 hex digits`;
    case 'flavours': {
      const bad = value.split(':').find((f) => !SEC_FLAVOURS.includes(f));
      return bad === undefined ? undefined : `unknown security flavour '${bad}' (${SEC_FLAVOURS.join(', ')})`;
    }
    case 'id-list':
      return /^\d+(-\d+)?$/.test(value) ? undefined : `'${value}' is not a uid/gid or range (n or n-m)`;
    default:
      return undefined;
  }
}
