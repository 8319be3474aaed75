import assert from 'node:assert/strict';
import { describeCoverage, parseClient } from '../../../../server/src/formats/exports/clients';
import {
  ExportTable,
  effectiveOptions,
  normaliseNfsPath,
} from '../../../../server/src/formats/exports/model';
import { parseExports } from '../../../../server/src/formats/exports/parser';

function table(...files: string[]): ExportTable {
  return new ExportTable(files.map((text, i) => ({ uri: `file:///f${i}`, ast: parseExports(text) })));
}

/** `path client options` of the export serving `path` to `ip`, or `-` when none does. */
function served(t: ExportTable, path: string, ip: string, hosts: Record<string, string[]> = {}): string {
  const s = t.lookup(path, ip, new Map(Object.entries(hosts))).served;
  if (!s) return '-';
  const keys = ['access', 'writes', 'root-squash', 'subtree'];
  return `${s.entry.path.value} ${s.client?.host?.text ?? '(none)'} ${keys.map((k) => s.options.settings.get(k)).join(',')}${s.exact ? '' : ' (parent)'}`;
}

describe('exports model: which export serves a path to an address', () => {
  const lab = table(
    [
      '/srv 192.168.2.0/24(ro,sync,no_subtree_check)',
      '/srv/nfsroot/web1 192.168.2.10(rw,no_root_squash) *(ro)',
      '/opt/ondemand/root 192.168.0.0/255.255.255.0(ro,no_root_squash,async)',
      '/home -rw,no_subtree_check *.lab.example @staff(ro) client7',
    ].join('\n'),
  );

  it('applies exportfs defaults (sync, ro, root_squash, wdelay) under the written options', () => {
    assert.equal(
      served(lab, '/srv/nfsroot/web1', '192.168.2.10'),
      '/srv/nfsroot/web1 192.168.2.10 rw,sync,off,off',
    );
    const o = effectiveOptions(undefined);
    assert.equal(o.readOnly && o.sync && o.rootSquash && o.settings.get('wdelay') === 'on', true);
  });

  it('names the flags in force by their canonical option, as the boot chain shows them', () => {
    const line =
      '/srv/a 10.0.0.2(rw,no_root_squash,insecure_locks,fsid=0,async) -secure_locks *(ro,anonuid=1000,nohide) @ops(rw,crossmnt,no_subtree_check)\n';
    const texts = parseExports(line).entries[0].clients.map((c) => effectiveOptions(c, []).text);
    assert.deepEqual(texts, [
      'rw,async,wdelay,secure,hide,nocrossmnt,no_subtree_check,no_pnfs,no_root_squash,no_all_squash,no_auth_nlm,acl,anonuid=65534,anongid=65534,sec=sys,fsid=0',
      'ro,sync,wdelay,secure,nohide,nocrossmnt,no_subtree_check,no_pnfs,root_squash,no_all_squash,auth_nlm,acl,anonuid=1000,anongid=65534,sec=sys',
      'rw,sync,wdelay,secure,hide,crossmnt,no_subtree_check,no_pnfs,root_squash,no_all_squash,auth_nlm,acl,anonuid=65534,anongid=65534,sec=sys',
    ]);
    assert.equal(
      effectiveOptions(undefined).text,
      'ro,sync,wdelay,secure,hide,nocrossmnt,no_subtree_check,no_pnfs,root_squash,no_all_squash,auth_nlm,acl,anonuid=65534,anongid=65534,sec=sys',
    );
  });

  it('prefers the single host over * whatever the order, and falls back to * for others', () => {
    assert.equal(served(lab, '/srv/nfsroot/web1', '10.9.9.9'), '/srv/nfsroot/web1 * ro,sync,on,off');
  });

  it('serves a path below an export from its nearest exported parent that admits the client', () => {
    assert.equal(
      served(lab, '/srv/nfsroot/web1/etc', '192.168.2.10'),
      '/srv/nfsroot/web1 192.168.2.10 rw,sync,off,off (parent)',
    );
    assert.equal(served(lab, '/srv/other', '192.168.2.99'), '/srv 192.168.2.0/24 ro,sync,on,off (parent)');
    assert.equal(served(lab, '/srv/other', '10.0.0.1'), '-');
    assert.deepEqual(
      lab.lookup('/srv/other', '10.0.0.1').nearest.map((n) => n.entry.path.value),
      ['/srv'],
    );
  });

  it('matches CIDR and dotted netmask networks at their edges', () => {
    assert.equal(
      served(lab, '/opt/ondemand/root', '192.168.0.255'),
      '/opt/ondemand/root 192.168.0.0/255.255.255.0 ro,async,off,off',
    );
    assert.equal(served(lab, '/opt/ondemand/root', '192.168.1.0'), '-');
    assert.equal(served(lab, '/srv', '192.168.2.0'), '/srv 192.168.2.0/24 ro,sync,on,off');
  });

  it('matches host names and wildcards through the map the caller passes, with the line defaults', () => {
    assert.equal(served(lab, '/home', '10.1.1.7', { client7: ['10.1.1.7'] }), '/home client7 rw,sync,on,off');
    assert.equal(
      served(lab, '/home', '10.1.1.8', { 'pc8.lab.example': ['10.1.1.8'] }),
      '/home *.lab.example rw,sync,on,off',
    );
    assert.equal(served(lab, '/home', '10.1.1.7'), '-', 'no map: the name resolves to nothing');
  });

  it('ranks a host name above a wildcard and a netgroup never matches without NIS', () => {
    const t = table('/x *.lab(ro) box.lab(rw) @all(rw)');
    assert.equal(served(t, '/x', '10.0.0.5', { 'box.lab': ['10.0.0.5'] }), '/x box.lab rw,sync,on,off');
  });

  it('ranks networks above wildcards and *, and the first of one kind wins', () => {
    const t = table('/x *(ro) 10.0.0.0/8(rw,async) 10.0.0.0/24(ro,no_root_squash)');
    assert.equal(served(t, '/x', '10.0.0.1'), '/x 10.0.0.0/8 rw,async,on,off');
  });

  it('treats a line without clients as exported to every host, and ignores relative paths', () => {
    const t = table('/pub -rw\nrel 10.0.0.1(rw)');
    assert.equal(served(t, '/pub/a', '1.2.3.4'), '/pub (none) rw,sync,on,off (parent)');
    assert.equal(served(t, '/rel', '10.0.0.1'), '-');
  });

  it('joins the exports.d files and normalises paths (/a/ and /a//b)', () => {
    const t = table('/srv/a/ 10.0.0.1(rw)', '/srv/b 10.0.0.2(ro)');
    assert.equal(served(t, '/srv//a', '10.0.0.1'), '/srv/a/ 10.0.0.1 rw,sync,on,off');
    assert.equal(served(t, '/srv/b/', '10.0.0.2'), '/srv/b 10.0.0.2 ro,sync,on,off');
    assert.deepEqual(t.paths().sort(), ['/srv/a', '/srv/b']);
  });

  it('knows the NFSv4 pseudo-root: fsid=0 and fsid=root', () => {
    const t = table('/e 10.0.0.1(fsid=0) 10.0.0.2(fsid=root) 10.0.0.3(fsid=7)');
    const root = (ip: string): boolean | undefined => t.lookup('/e', ip).served?.options.fsidRoot;
    assert.deepEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3'].map(root), [true, true, false]);
  });

  it('ignores options exportfs would reject when computing effective options', () => {
    const t = table('/e 10.0.0.1(rw,bogus,anonuid=x,sync=1)');
    assert.equal(served(t, '/e', '10.0.0.1'), '/e 10.0.0.1 rw,sync,on,off');
  });
});

describe('exports clients: what a spec covers', () => {
  it('classifies as exportfs does', () => {
    const kinds = [
      '*',
      '',
      'gss/krb5',
      '@grp',
      'h?.lab',
      '10.0.0.*',
      '10.0.0.0/24',
      '10.0.0.1',
      'fe80::1',
      '2001:db8::/32',
      'host',
      '10.0.0.300',
      '010.0.0.1',
    ].map((t) => parseClient(t).kind);
    assert.deepEqual(kinds, [
      'anyone',
      'anyone',
      'gss',
      'netgroup',
      'wildcard',
      'wildcard',
      'ipv4-network',
      'ipv4',
      'ipv6',
      'ipv6-network',
      'hostname',
      'invalid',
      'invalid',
    ]);
  });

  it('describes ranges and counts', () => {
    assert.equal(
      describeCoverage(parseClient('10.0.0.0/8')),
      '`10.0.0.0/8` covers 10.0.0.0–10.255.255.255 (16,777,216 addresses)',
    );
    assert.equal(
      describeCoverage(parseClient('10.0.0.7/32')),
      '`10.0.0.7/32` covers 10.0.0.7–10.0.0.7 (1 address)',
    );
    assert.match(
      describeCoverage(parseClient('10.0.0.0/255.0.255.0')),
      /65,536 addresses; the netmask has holes/,
    );
    assert.match(describeCoverage(parseClient('10.0.0.0/33')), /^nothing: '33' is not a prefix length/);
  });
});

describe('exports model: paths and options as exportfs reads them', () => {
  it('normalises paths: no empty or `.` segments, no trailing slash; `..` and dotted names stay', () => {
    const cases: [string, string][] = [
      ['/export/dom0001', '/export/dom0001'],
      ['/a//b/./c/', '/a/b/c'],
      ['/./a', '/a'],
      ['/a/.', '/a'],
      ['/.hidden/x', '/.hidden/x'],
      ['/a/../b', '/a/../b'],
      ['/', '/'],
      ['', '/'],
      ['a/b', '/a/b'],
    ];
    for (const [path, want] of cases) assert.equal(normaliseNfsPath(path), want, path);
  });

  it('gives two lines that write the same options the same effective options, and others theirs', () => {
    const t = table('/a 10.0.0.1(rw,no_root_squash)\n/b 10.0.0.2(rw,no_root_squash)\n/c 10.0.0.3(ro)');
    const a = t.lookup('/a', '10.0.0.1').served?.options;
    const b = t.lookup('/b', '10.0.0.2').served?.options;
    const c = t.lookup('/c', '10.0.0.3').served?.options;
    assert.equal(a?.text, b?.text);
    assert.equal(
      a?.text,
      'rw,sync,wdelay,secure,hide,nocrossmnt,no_subtree_check,no_pnfs,no_root_squash,no_all_squash,auth_nlm,acl,anonuid=65534,anongid=65534,sec=sys',
    );
    assert.equal(a?.readOnly, false);
    assert.equal(c?.readOnly, true);
    assert.match(c?.text ?? '', /^ro,sync,.*,root_squash,/);
  });
});
