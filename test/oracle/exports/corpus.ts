/**
 * The corpus of the exportfs differential test: exports files that nfs-utils 2.6 exportfs accepts (the
 * seed how-tos' lines, PXE/NFS-root labs, a large generated table) and systematic mutations of each.
 * Deterministic: mutations pick their target line by a fixed rule, never at random.
 */

/** The kinds of mutation applied to every valid file. */
export type MutationKind =
  | 'space-before-paren'
  | 'misspelt-option'
  | 'unknown-option'
  | 'bad-octet'
  | 'short-address'
  | 'prefix-over-32'
  | 'bad-netmask'
  | 'holey-netmask'
  | 'duplicate-line'
  | 'missing-rparen'
  | 'relative-path'
  | 'conflicting-options'
  | 'no-options'
  | 'no-subtree-option'
  | 'empty-option'
  | 'bad-anonuid'
  | 'bad-fsid'
  | 'bad-sec'
  | 'text-after-rparen'
  | 'flag-with-value'
  | 'comment-lines'
  | 'continuation'
  | 'defaults-line'
  | 'world-options';

/** Where a case comes from. */
export type CaseOrigin = 'valid' | 'edge' | 'mutant';

/** One file of the corpus. */
export interface ExportsCase {
  /** Unique, kebab-case; a mutant is named `<valid case>~<mutation>`. */
  readonly name: string;
  readonly text: string;
  readonly origin: CaseOrigin;
  readonly mutation?: { readonly kind: MutationKind; readonly detail: string };
}

function file(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The export line of seed how-to 000 (shared/seeds/000_*.txt), verbatim. */
export const SEED_000_EXPORT =
  '/export/domu1 192.168.2.2(rw,fsid=0,async,wdelay,no_root_squash,no_subtree_check)';

/** The two export lines of seed how-to 001 (shared/seeds/001_*.txt), verbatim. */
export const SEED_001_EXPORTS = [
  '/opt/ondemand/root              192.168.0.0/255.255.255.0(ro,no_root_squash,async)',
  '/opt/ondemand/imgs              192.168.0.0/255.255.255.0(rw,no_root_squash,async)',
];

const VALID: readonly { name: string; text: string }[] = [
  { name: 'seed-000', text: file('# /etc/exports of seed how-to 000', SEED_000_EXPORT) },
  { name: 'seed-001', text: file(...SEED_001_EXPORTS) },
  {
    name: 'pxe-lab',
    text: file(
      '# diskless Xen guests: one writable root each, a shared read-only /usr',
      '/srv/nfsroot/web1 192.168.2.10(rw,sync,no_root_squash,no_subtree_check)',
      '/srv/nfsroot/web2 192.168.2.11(rw,sync,no_root_squash,no_subtree_check)',
      '',
      '/srv/nfsroot/shared 192.168.2.0/24(ro,sync,root_squash,no_subtree_check) \\',
      '    10.10.0.0/255.255.0.0(ro,sync,no_subtree_check)',
      '/srv/tftp *(ro,sync,insecure,all_squash,anonuid=65534,anongid=65534,no_subtree_check)',
    ),
  },
  {
    name: 'nfsv4-root',
    text: file(
      '/srv/nfs4 192.168.2.0/24(rw,sync,fsid=root,crossmnt,no_subtree_check)',
      '/srv/nfs4/home 192.168.2.0/24(rw,sync,nohide,no_subtree_check,sec=sys:krb5)',
      '/srv/nfs4/data -sync,no_subtree_check 192.168.2.20(rw) 192.168.2.21(ro,all_squash)',
    ),
  },
  {
    name: 'many-client-kinds',
    text: file(
      '"/srv/with space" 192.168.5.1(rw,sync,no_subtree_check)',
      '/srv/octal\\040name 192.168.5.2(ro,sync,no_subtree_check)',
      '/srv/mixed 2001:db8::1(rw,sync,no_subtree_check) 2001:db8:9::/64(ro,sync,no_subtree_check) \\',
      '    *.lab.example(ro,sync,no_subtree_check) @trusted(rw,sync,no_subtree_check) # netgroup',
      '/srv/opts 192.168.5.3(rw,async,no_wdelay,insecure_locks,mp,fsid=7,no_acl,nordirplus,no_subtree_check)',
      '/srv/uuid 192.168.5.4(ro,sync,fsid=0f3a2b1c-4d5e-6f70-8192-a3b4c5d6e7f8,no_subtree_check)',
    ),
  },
  {
    name: 'large',
    text: file(
      '# generated: 120 diskless hosts',
      ...Array.from(
        { length: 120 },
        (_, i) =>
          `/srv/nfsroot/h${i} 10.20.${Math.floor(i / 50)}.${(i % 50) + 10}(rw,sync,no_root_squash,no_subtree_check)`,
      ),
    ),
  },
];

/** Hand-written files whose exact exportfs output only the oracle knows. */
const EDGE: readonly { name: string; text: string }[] = [
  {
    name: 'edge-classic-space',
    text: file('/srv/a host1 (rw)', '/srv/b 192.168.9.1 (rw,sync,no_subtree_check)'),
  },
  { name: 'edge-bare-path', text: file('/srv/a', '/srv/b -rw', '/srv/c -sync,no_subtree_check') },
  { name: 'edge-empty-list', text: file('/srv/a 192.168.9.2()', '/srv/b 192.168.9.3(,rw)') },
  { name: 'edge-trailing-comma', text: file('/srv/a 192.168.9.4(rw,sync,no_subtree_check,)') },
  {
    name: 'edge-two-notations',
    text: file('/srv/a 10.1.0.0/16(ro,sync,no_subtree_check) 10.1.0.0/255.255.0.0(ro,sync,no_subtree_check)'),
  },
  {
    name: 'edge-trailing-slash-duplicate',
    text: file('/srv/a 10.1.2.3(ro,sync,no_subtree_check)', '/srv/a/ 10.1.2.3(ro,sync,no_subtree_check)'),
  },
  { name: 'edge-world-twice', text: file('/srv/a (ro) *(rw,sync,no_subtree_check)') },
  {
    name: 'edge-bad-ipv6',
    text: file('/srv/a 2001:db8:::1(ro,sync,no_subtree_check) fe80::/129(ro,sync,no_subtree_check)'),
  },
  {
    name: 'edge-ip-wildcard',
    text: file('/srv/a 10.0.0.*(ro,sync,no_subtree_check) host?.lab(ro,sync,no_subtree_check)'),
  },
  {
    name: 'edge-prefix-junk',
    text: file('/srv/a 10.0.0.0/24x(ro,sync,no_subtree_check)', '/srv/b 10.0.0.0/(ro,sync,no_subtree_check)'),
  },
  {
    name: 'edge-squash-list',
    text: file('/srv/a 10.0.0.1(ro,sync,no_subtree_check,squash_uids=0-15,20,squash_gids=5)'),
  },
  {
    name: 'edge-mountpoint-forms',
    text: file('/srv/a 10.0.0.2(ro,sync,no_subtree_check,mountpoint=/srv,refer=/x@h1+h2)'),
  },
  { name: 'edge-sec-segments', text: file('/srv/a 10.0.0.3(sec=krb5p,rw,sec=sys,ro,sync,no_subtree_check)') },
  {
    name: 'edge-fsid-hex',
    text: file(
      '/srv/a 10.0.0.4(ro,sync,no_subtree_check,fsid=0x1f)',
      '/srv/b 10.0.0.5(ro,sync,no_subtree_check,fsid=-1)',
    ),
  },
  {
    name: 'edge-comment-glued',
    text: file('/srv/a 10.0.0.6(ro,sync,no_subtree_check)#note', '# x', '/srv/b 10.0.0.7(ro,bogus)'),
  },
  {
    name: 'edge-mid-line-defaults',
    text: file('/srv/a 10.0.0.8(ro) -rw,no_subtree_check 10.0.0.9 10.0.0.10(sync)'),
  },
  { name: 'edge-crlf', text: '/srv/a 10.0.0.11(ro,sync,no_subtree_check)\r\n/srv/b 10.0.0.12(ro)\r\n' },
];

interface Mutation {
  readonly kind: MutationKind;
  /** Changes one line (index given) or returns undefined when it does not apply to it. */
  readonly apply: (line: string) => string | undefined;
}

const re = (pattern: RegExp, replacement: string) => (line: string) =>
  pattern.test(line) ? line.replace(pattern, replacement) : undefined;

/** Line-level mutations: the first export line each applies to is mutated. */
const LINE_MUTATIONS: readonly Mutation[] = [
  { kind: 'space-before-paren', apply: re(/^(\S+\s+[^\s(]+)\(/, '$1 (') },
  { kind: 'misspelt-option', apply: re(/\b(no_root_squash|no_subtree_check|sync)\b/, 'no_rot_squash') },
  { kind: 'unknown-option', apply: re(/\(/, '(bogus,') },
  { kind: 'bad-octet', apply: re(/\b(\d+\.\d+\.\d+)\.\d+\(/, '$1.300(') },
  { kind: 'short-address', apply: re(/\b(\d+\.\d+\.\d+)\.\d+\/(\d+)/, '$1/$2') },
  { kind: 'prefix-over-32', apply: re(/\b(\d+\.\d+\.\d+\.\d+)(\/\d+)?\(/, '$1/33(') },
  { kind: 'bad-netmask', apply: re(/\/255\.255\.\d+\.\d+/, '/255.255.256.0') },
  { kind: 'holey-netmask', apply: re(/\b(\d+\.\d+\.\d+\.\d+)\/\d+\(/, '$1/255.0.255.0(') },
  { kind: 'missing-rparen', apply: re(/\)([^)]*)$/, '$1') },
  { kind: 'relative-path', apply: re(/^("?)\//, '$1') },
  { kind: 'conflicting-options', apply: re(/\((r[wo])/, '($1,async,sync,ro,rw,root_squash,no_root_squash') },
  { kind: 'no-options', apply: re(/^(\S+\s+[^\s(]+)\([^)]*\)/, '$1') },
  { kind: 'no-subtree-option', apply: re(/,?no_subtree_check/, '') },
  { kind: 'empty-option', apply: re(/\(([a-z]+),/, '($1,,') },
  { kind: 'bad-anonuid', apply: re(/\(/, '(anonuid=nobody,') },
  { kind: 'bad-fsid', apply: re(/\(/, '(fsid=abc,') },
  { kind: 'bad-sec', apply: re(/\(/, '(sec=krb6,') },
  { kind: 'text-after-rparen', apply: re(/\)(\s|$)/, ')x$1') },
  { kind: 'flag-with-value', apply: re(/\brw\b/, 'rw=yes') },
  { kind: 'world-options', apply: re(/^(\S+)\s+\S+/, '$1 (rw,no_root_squash)') },
  { kind: 'defaults-line', apply: re(/^(\S+)\s+/, '$1 -rw,insecure ') },
];

function isExportLine(line: string): boolean {
  return /^["/]/.test(line);
}

function mutateLines(name: string, text: string, m: Mutation, from: number): ExportsCase | undefined {
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const i = (from + k) % lines.length;
    if (!isExportLine(lines[i])) continue;
    const changed = m.apply(lines[i]);
    if (changed === undefined || changed === lines[i]) continue;
    lines[i] = changed;
    return {
      name: `${name}~${m.kind}-l${i + 1}`,
      text: lines.join('\n'),
      origin: 'mutant',
      mutation: { kind: m.kind, detail: changed },
    };
  }
  return undefined;
}

/** File-level mutations: duplicates, comments that shift exportfs's line count, continuations. */
function fileMutations(name: string, text: string): ExportsCase[] {
  const lines = text.split('\n');
  const first = lines.findIndex(isExportLine);
  const out: ExportsCase[] = [];
  const add = (kind: MutationKind, changed: string[], detail: string): void => {
    out.push({
      name: `${name}~${kind}`,
      text: changed.join('\n'),
      origin: 'mutant',
      mutation: { kind, detail },
    });
  };
  add(
    'duplicate-line',
    [...lines.slice(0, first + 1), lines[first], ...lines.slice(first + 1)],
    lines[first],
  );
  const commented = lines.flatMap((l, i) => (isExportLine(l) && i > first ? ['# a comment', l] : [l]));
  add(
    'comment-lines',
    [...commented.slice(0, -1), '/srv/late 10.9.9.9(rw,bogus)', ''],
    'comments, then an error',
  );
  const split = lines.map((l) => (isExportLine(l) ? l.replace(/\)\s+(?=\S)/, ') \\\n\t') : l));
  add('continuation', [...split.slice(0, -1), '/srv/late 10.9.9.9(rw)', ''], 'clients split over lines');
  return out;
}

/** Every case: the valid files, then their mutants, in a fixed order. */
export function exportsCorpus(): ExportsCase[] {
  const cases: ExportsCase[] = [
    ...VALID.map((v): ExportsCase => ({ ...v, origin: 'valid' })),
    ...EDGE.map((v): ExportsCase => ({ ...v, origin: 'edge' })),
  ];
  for (const v of VALID) {
    LINE_MUTATIONS.forEach((m, i) => {
      const c = mutateLines(v.name, v.text, m, i);
      if (c) cases.push(c);
    });
    cases.push(...fileMutations(v.name, v.text));
  }
  return cases;
}
