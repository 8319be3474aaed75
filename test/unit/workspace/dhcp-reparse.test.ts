import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDhcpFile } from '../../../server/src/rules/dhcp/types';
import type { Workspace } from '../../../server/src/workspace/workspace';
import { renderFindings, siteFromText, testUri } from '../helpers/site';

/**
 * A dhcpd.conf edit in the workspace (issue 6): the workspace hands the previous analysis to the dhcpd.conf
 * analyser, which reads again only the edited pieces (formats/dhcp/reparse.ts). Every finding after the
 * edit, in the dhcpd.conf and in the files that read it, must be where a fresh workspace puts it.
 */

const SITE = fs.readFileSync(
  path.join(__dirname, '../../../../test/fixtures/site/nfs/single-host.site'),
  'utf8',
);
const DHCPD = 'etc/dhcp/dhcpd.conf';

/**
 * The site with 600 more hosts (a dhcpd.conf of several pieces), a host declared twice near its end and
 * oddities after it.
 */
function bigSite(): Workspace {
  let hosts = '';
  for (let i = 0; i < 600; i++) {
    const octet = (i % 250).toString(16).padStart(2, '0');
    hosts += `host extra${i} {\n  hardware ethernet 00:16:3e:aa:${Math.floor(i / 250)}${0}:${octet};\n}\n`;
  }
  hosts += 'host extra599 {\n  hardware ethernet 00:16:3e:bb:00:01;\n}\n';
  // Oddities after the edit (kept with their statements, which the edit moves): a lone word, a short MAC,
  // a non-contiguous netmask.
  hosts +=
    'authoritativ;\nhost odd {\n  hardware ethernet 00:16:3e:01;\n}\nsubnet 10.9.0.0 netmask 255.0.255.0 { }\n';
  return siteFromText(SITE.replace(`=== ${DHCPD}\n`, `=== ${DHCPD}\n${hosts}`));
}

function fresh(ws: Workspace): Workspace {
  const copy = siteFromText('');
  for (const f of ws.allFiles()) copy.setFile(f.uri, f.path, f.text, 1);
  return copy;
}

function statementsOf(ws: Workspace): readonly object[] {
  const file = ws.analysedFile(testUri(DHCPD));
  assert.ok(isDhcpFile(file));
  return file.ast.statements;
}

describe('dhcpd.conf edits in the workspace', () => {
  it('re-reads only the edited pieces and puts every finding where a fresh workspace does', () => {
    const ws = bigSite();
    const before = renderFindings(ws, true);
    for (const rule of [
      'dhcp/duplicate-host',
      'dhcp/unknown-statement',
      'dhcp/invalid-mac',
      'dhcp/invalid-address',
    ])
      assert.ok(
        before.some((l) => l.includes(rule)),
        `${rule} in:\n${before.join('\n')}`,
      );
    const old = new Set(statementsOf(ws));
    const f = ws.getFile(testUri(DHCPD));
    assert.ok(f);
    // A line more and a longer name near the top: every later finding moves down a line.
    const edited = f.text.replace('host extra3 {', '# renamed\nhost extra3-renamed {');
    ws.setFile(f.uri, f.path, edited, f.version + 1);
    assert.ok(
      statementsOf(ws).some((s) => old.has(s)),
      'statements after the edited pieces are kept',
    );
    const after = renderFindings(ws, true);
    assert.deepEqual(after, renderFindings(fresh(ws), true));
    assert.notDeepEqual(after, before);
  });
});
