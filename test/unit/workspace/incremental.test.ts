import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sameParts } from '../../../server/src/workspace/check-cache';
import type { FindingParts } from '../../../server/src/workspace/check-cache';
import { parseTopology } from '../../../server/src/workspace/topology';
import type { Workspace } from '../../../server/src/workspace/workspace';
import { renderFindings, siteFromText, testUri } from '../helpers/site';

/**
 * The incremental engine (issue 6): after any sequence of edits, the findings equal those of a workspace
 * built afresh from the final texts, and files whose inputs did not change keep their finding arrays (so
 * the server republishes nothing for them).
 */

const SITE = fs.readFileSync(
  path.join(__dirname, '../../../../test/fixtures/site/nfs/single-host.site'),
  'utf8',
);

function partsOf(ws: Workspace): Map<string, FindingParts> {
  const out = new Map<string, FindingParts>();
  for (const step of ws.checkSteps()) if (step) out.set(step.uri, step.parts);
  return out;
}

/** The paths whose parts are not the same arrays as before. */
function changedPaths(before: Map<string, FindingParts>, after: Map<string, FindingParts>): string[] {
  return [...after]
    .filter(([uri, parts]) => !sameParts(before.get(uri), parts))
    .map(([uri]) => uri.slice(testUri('').length))
    .sort();
}

function edit(ws: Workspace, file: string, from: string, to: string): void {
  const f = ws.getFile(testUri(file));
  assert.ok(f, file);
  assert.ok(f.text.includes(from), `${file} has no '${from}'`);
  ws.setFile(f.uri, f.path, f.text.replace(from, to), f.version + 1);
}

/** The same texts (and topology) in a new workspace. */
function fresh(ws: Workspace, topology?: string): Workspace {
  const copy = siteFromText('');
  if (topology) copy.setTopology(parseTopology(topology).topology);
  for (const f of ws.allFiles()) copy.setFile(f.uri, f.path, f.text, 1);
  return copy;
}

describe('incremental checking', () => {
  it('recomputes nothing when nothing changed', () => {
    const ws = siteFromText(SITE);
    const first = partsOf(ws);
    assert.deepEqual(changedPaths(first, partsOf(ws)), []);
  });

  it('re-checks only the edited domain config, and agrees with a fresh workspace', () => {
    const ws = siteFromText(SITE);
    const before = partsOf(ws);
    assert.ok(
      renderFindings(ws).some((l) => l.startsWith('etc/xen/app1.cfg') && l.includes('nfs/root-not-exported')),
    );
    edit(ws, 'etc/xen/app1.cfg', '/export/app1', '/export/web1');
    const after = partsOf(ws);
    assert.deepEqual(changedPaths(before, after), ['etc/xen/app1.cfg']);
    assert.deepEqual(renderFindings(ws), renderFindings(fresh(ws)));
    assert.ok(
      !renderFindings(ws).some(
        (l) => l.startsWith('etc/xen/app1.cfg') && l.includes('nfs/root-not-exported'),
      ),
    );
  });

  it('after an exports edit, republishes only the files whose diagnostics changed', () => {
    const ws = siteFromText(SITE);
    const before = partsOf(ws);
    // web2's export admits 192.168.2.99 only; admitting web2's address clears its client-not-permitted.
    edit(ws, 'etc/exports', '/export/web2    192.168.2.99', '/export/web2    192.168.2.11');
    const after = partsOf(ws);
    // app1's root-not-exported quotes the nearest export lines (web1, web2, cache1) as related information.
    assert.deepEqual(changedPaths(before, after), ['etc/exports', 'etc/xen/app1.cfg', 'etc/xen/web2.cfg']);
    assert.deepEqual(renderFindings(ws), renderFindings(fresh(ws)));
    assert.ok(!renderFindings(ws).some((l) => l.startsWith('etc/xen/web2.cfg') && l.includes('nfs/')));
  });

  it('follows DHCP, topology and file removal like a fresh workspace', () => {
    const ws = siteFromText(SITE);
    partsOf(ws);
    edit(ws, 'etc/dhcp/dhcpd.conf', 'fixed-address 192.168.2.20;', 'fixed-address 192.168.2.21;');
    assert.deepEqual(renderFindings(ws), renderFindings(fresh(ws)));
    const topology = '{ "hosts": [ { "name": "nfs", "addresses": ["192.168.2.1"], "root": "." } ] }';
    ws.setTopology(parseTopology(topology).topology);
    assert.deepEqual(renderFindings(ws), renderFindings(fresh(ws, topology)));
    ws.removeFile(testUri('etc/exports'));
    assert.deepEqual(renderFindings(ws), renderFindings(fresh(ws, topology)));
    assert.ok(renderFindings(ws).some((l) => l.includes('nfs/server-unknown')));
  });

  it('follows kernel config edits like a fresh workspace', () => {
    const ws = siteFromText(`${SITE}=== boot/config-6.1.0\nCONFIG_NFS_FS=m\nCONFIG_ROOT_NFS=y\n`);
    partsOf(ws);
    edit(ws, 'boot/config-6.1.0', 'CONFIG_NFS_FS=m', 'CONFIG_NFS_FS=y');
    assert.deepEqual(renderFindings(ws), renderFindings(fresh(ws)));
  });

  it('keeps a group of cross-file rules whose facts did not change (kernel/* after a DHCP edit)', () => {
    const ws = siteFromText(`${SITE}=== boot/config-6.1.0\nCONFIG_NFS_FS=m\nCONFIG_ROOT_NFS=y\n`);
    const before = partsOf(ws);
    edit(ws, 'etc/dhcp/dhcpd.conf', 'fixed-address 192.168.2.20;', 'fixed-address 192.168.2.21;');
    const after = partsOf(ws);
    const uri = testUri('etc/xen/web1.cfg');
    const kernelPart = (parts: FindingParts | undefined): readonly unknown[] | undefined =>
      parts?.find((p) => p.some((f) => f.ruleId.startsWith('kernel/')));
    assert.ok(kernelPart(before.get(uri)), 'web1 has kernel/* findings');
    assert.equal(kernelPart(after.get(uri)), kernelPart(before.get(uri)));
    assert.deepEqual(renderFindings(ws), renderFindings(fresh(ws)));
  });

  it('gives quick fixes computed from the site as it is now', () => {
    const ws = siteFromText(SITE);
    partsOf(ws);
    const uri = testUri('etc/xen/app1.cfg');
    const fixes = ws
      .findingsForActions(uri)
      .flatMap((f) => (f.ruleId === 'nfs/root-not-exported' ? (f.fixes ?? []) : []));
    assert.ok(
      fixes.some((f) => f.edits.some((e) => e.uri === testUri('etc/exports'))),
      'a fix edits etc/exports',
    );
    assert.deepEqual(
      ws
        .findingsForActions(uri)
        .map((f) => f.ruleId)
        .sort(),
      (ws.check().get(uri) ?? []).map((f) => f.ruleId).sort(),
    );
  });
});
