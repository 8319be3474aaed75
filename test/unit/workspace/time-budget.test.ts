import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderFindings, siteFromText } from '../helpers/site';

/**
 * Issue 7: a per-file time budget stops a runaway check with a clear diagnostic. The clock is the test's:
 * each reading advances it by one second, so the budget runs out after a known number of machines.
 */

const SITE = fs.readFileSync(
  path.join(__dirname, '../../../../test/fixtures/site/nfs/single-host.site'),
  'utf8',
);

/** A GRUB menu with `n` entries, each booting a machine whose root nobody exports. */
function menu(n: number): string {
  const entries = Array.from(
    { length: n },
    (_, i) =>
      `title m${i}\n  kernel /xen.gz\n  module /vmlinuz-6.1.0 root=/dev/nfs nfsroot=192.168.2.1:/lost/m${i} ip=192.168.2.${70 + i}:192.168.2.1:192.168.2.1:255.255.255.0:m${i}:eth0:off\n`,
  );
  return `=== boot/grub/many/menu.lst\n${entries.join('')}`;
}

function steppingClock(stepMs: number): () => number {
  let t = 0;
  return () => (t += stepMs);
}

describe('workspace/time-budget', () => {
  it('stops a file’s checks across files when its budget is spent, says so, and keeps what it found', () => {
    const ws = siteFromText(SITE + menu(8));
    const unlimited = renderFindings(ws).filter((l) => l.startsWith('boot/grub/many/menu.lst'));
    assert.equal(unlimited.filter((l) => l.includes('nfs/root-not-exported')).length, 8);
    const budgeted = siteFromText(SITE + menu(8));
    budgeted.setBudget({ now: steppingClock(1000), ms: 3500 });
    const limited = renderFindings(budgeted, true).filter((l) => l.startsWith('boot/grub/many/menu.lst'));
    const stopped = limited.filter((l) => l.includes('workspace/time-budget'));
    assert.deepEqual(stopped, [
      'boot/grub/many/menu.lst:1:1-1:1 warning workspace/time-budget: the checks across files of this file took longer than 3.5 s and were stopped: its diagnostics may be incomplete',
    ]);
    const found = limited.filter((l) => l.includes('nfs/root-not-exported')).length;
    assert.ok(found < 8, `stopped before the last machine (${found} found)`);
    // Other files still get their checks (each has its own budget).
    assert.ok(
      renderFindings(ws).some((l) => l.startsWith('etc/xen/app1.cfg') && l.includes('nfs/root-not-exported')),
    );
  });

  it('reports an analysis that took longer than the budget', () => {
    const ws = siteFromText(SITE);
    ws.setBudget({ now: steppingClock(20_000), ms: 10_000 });
    const lines = renderFindings(ws, true).filter((l) => l.startsWith('etc/exports'));
    assert.deepEqual(
      lines.filter((l) => l.includes('workspace/time-budget')),
      [
        'etc/exports:1:1-1:1 warning workspace/time-budget: parsing and checking this file took 20.0 s, more than the 10.0 s budget: please report the file (it should take milliseconds)',
      ],
    );
  });

  it('stays silent with a real clock on a real site', () => {
    const ws = siteFromText(SITE + menu(8));
    ws.setBudget({ now: () => performance.now(), ms: 10_000 });
    assert.ok(!renderFindings(ws).some((l) => l.includes('workspace/time-budget')));
  });
});
