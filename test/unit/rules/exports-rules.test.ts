import assert from 'node:assert/strict';
import { exportsSite, renderExportsFindings } from '../helpers/exports-site';
import { SEED_000_EXPORT, SEED_001_EXPORTS } from '../../oracle/exports/corpus';

/** One row: a whole site of exports files and every diagnostic expected in it (no more, no less). */
interface Case {
  readonly name: string;
  readonly site: string;
  readonly expected: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'a clean lab: continuation, network forms, a - default list and a netgroup',
    site: `=== etc/exports
# diskless lab
/srv/nfsroot/web1 192.168.2.10(rw,sync,no_root_squash,no_subtree_check)
/srv/nfsroot/shared 192.168.2.0/24(ro,sync,no_subtree_check) \\
    10.10.0.0/255.255.0.0(ro,sync,no_subtree_check)
/srv/nfs4 -sync,no_subtree_check 192.168.2.0/24(rw,fsid=0,crossmnt) @trusted(ro)
`,
    expected: [],
  },
  {
    name: "the seeds' export lines: seed 001 leaves the subtree check to exportfs's default",
    site: `=== etc/exports\n${SEED_000_EXPORT}\n${SEED_001_EXPORTS.join('\n')}\n`,
    expected: [
      'etc/exports:2:33-2:58 information exports/missing-subtree-check',
      'etc/exports:3:33-3:58 information exports/missing-subtree-check',
    ],
  },
  {
    name: 'a space before ( sends the options to the world; a list with no client too',
    site: `=== etc/exports
/srv/a host1 (rw,sync,no_subtree_check)
/srv/b (ro,sync,no_subtree_check)
`,
    expected: [
      'etc/exports:1:8-1:13 information exports/missing-subtree-check',
      'etc/exports:1:8-1:13 information exports/missing-sync',
      'etc/exports:1:14-1:40 warning exports/space-before-options',
      'etc/exports:1:15-1:17 warning exports/world-writable',
      'etc/exports:2:8-2:34 warning exports/space-before-options',
    ],
  },
  {
    name: 'options: misspelt, a flag with a value, a value option without one, an empty slot, bad values, conflicts',
    site: `=== etc/exports
/srv/a 10.0.0.1(rw,sync,no_subtree_check,no_root_sqash)
/srv/b 10.0.0.2(rw=yes,sync,no_subtree_check,fsid,,anonuid=x,sec=krb6)
/srv/c 10.0.0.3(ro,sync,no_subtree_check,rw,sec=krb5,ro)
`,
    expected: [
      'etc/exports:1:42-1:55 error exports/unknown-option',
      'etc/exports:2:17-2:23 error exports/unknown-option',
      'etc/exports:2:46-2:50 error exports/unknown-option',
      'etc/exports:2:51-2:52 error exports/unknown-option',
      'etc/exports:2:60-2:61 error exports/invalid-option-value',
      'etc/exports:2:66-2:70 error exports/invalid-option-value',
      'etc/exports:3:17-3:19 warning exports/conflicting-options',
    ],
  },
  {
    name: 'clients: bad octet, prefix over 32, short address, bad and holey netmasks, empty prefix; a relative path',
    site: `=== etc/exports
/srv/a 192.168.2.300(ro,sync,no_subtree_check) 10.0.0.0/33(ro,sync,no_subtree_check) 10.0.0/24(ro,sync,no_subtree_check)
/srv/b 10.0.0.0/255.255.256.0(ro,sync,no_subtree_check) 10.0.0.0/255.0.255.0(ro,sync,no_subtree_check) 10.1.0.0/(ro,sync,no_subtree_check)
export/c 10.0.0.4(ro,sync,no_subtree_check)
`,
    expected: [
      'etc/exports:1:8-1:21 error exports/invalid-client',
      'etc/exports:1:48-1:59 error exports/invalid-client',
      'etc/exports:1:86-1:95 error exports/invalid-client',
      'etc/exports:2:8-2:30 error exports/invalid-client',
      'etc/exports:2:57-2:77 warning exports/invalid-client',
      'etc/exports:2:104-2:113 warning exports/invalid-client',
      'etc/exports:3:1-3:9 error exports/relative-path',
    ],
  },
  {
    name: 'duplicates and competing NFSv4 roots across exports and exports.d of one server, not another',
    site: `=== etc/exports
/srv/a 10.0.0.1(ro,sync,no_subtree_check)
/srv/a/ 10.0.0.1(rw,sync,no_subtree_check)
/srv/r1 10.0.0.0/24(ro,sync,no_subtree_check,fsid=0)
=== etc/exports.d/extra.exports
/srv/a 10.0.0.1(ro,sync,no_subtree_check)
/srv/r2 *(ro,sync,no_subtree_check,fsid=root)
=== other/etc/exports
/srv/a 10.0.0.1(ro,sync,no_subtree_check)
`,
    expected: [
      'etc/exports:1:8-1:16 error exports/duplicate-client',
      'etc/exports:2:9-2:17 error exports/duplicate-client',
      'etc/exports:3:46-3:52 warning exports/multiple-fsid-root',
      'etc/exports.d/extra.exports:1:8-1:16 error exports/duplicate-client',
      'etc/exports.d/extra.exports:2:36-2:45 warning exports/multiple-fsid-root',
    ],
  },
  {
    name: 'rw and no_root_squash for every host: *, a - list with no client, 0.0.0.0/0',
    site: `=== etc/exports
/srv/a *(rw,sync,no_subtree_check,no_root_squash)
/srv/b -rw,sync,no_subtree_check
/srv/c 0.0.0.0/0(ro,sync,no_subtree_check,no_root_squash)
`,
    expected: [
      'etc/exports:1:10-1:12 warning exports/world-writable',
      'etc/exports:1:35-1:49 warning exports/world-no-root-squash',
      'etc/exports:2:9-2:11 warning exports/world-writable',
      'etc/exports:3:43-3:57 warning exports/world-no-root-squash',
    ],
  },
  {
    name: 'syntax: a missing ) and text after ); the next line is still analysed',
    site: `=== etc/exports
/srv/a 10.0.0.1(rw,sync,no_subtree_check
/srv/b 10.0.0.2(ro,sync,no_subtree_check)x
/srv/c 10.0.0.3(ro,sync,no_subtree_check,bogus)
`,
    expected: [
      'etc/exports:1:16-1:41 error exports/syntax',
      'etc/exports:2:42-2:43 error exports/syntax',
      'etc/exports:3:42-3:47 error exports/unknown-option',
    ],
  },
  {
    name: 'CRLF line endings and tabs read like LF and spaces',
    site: '=== etc/exports\n/srv/a\t10.0.0.1(ro,sync,no_subtree_check)\r\n/srv/b 10.0.0.2(ro)\r\n',
    expected: [
      'etc/exports:2:8-2:16 information exports/missing-subtree-check',
      'etc/exports:2:8-2:16 information exports/missing-sync',
    ],
  },
];

describe('exports rules (whole files)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(
        renderExportsFindings(exportsSite(c.site)),
        [...c.expected].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
      );
    });
  }

  it('says why in the message: the world, exportfs stopping, the nearest option', () => {
    const site = exportsSite(`=== etc/exports
/srv/a host1 (rw)
/srv/b 10.0.0.1(no_root_sqash)
`);
    const messages = renderExportsFindings(site, true).join('\n');
    assert.match(
      messages,
      /exportfs exports to 'host1' with default options and to every host \(\*\) with '\(rw\)'/,
    );
    assert.match(messages, /did you mean 'no_root_squash'\?.*stops reading the file/);
  });

  it('points every duplicate at the others, across files', () => {
    const site = exportsSite(`=== etc/exports
/srv/a 10.0.0.1(ro)
=== etc/exports.d/x.exports
/srv/a 10.0.0.1(ro)
`);
    const dups = site.findings.filter((f) => f.ruleId === 'exports/duplicate-client');
    assert.equal(dups.length, 2);
    assert.deepEqual(
      dups.map((d) => d.related?.map((r) => r.uri)),
      [['file:///site/etc/exports.d/x.exports'], ['file:///site/etc/exports']],
    );
  });
});
