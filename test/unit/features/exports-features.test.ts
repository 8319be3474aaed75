import assert from 'node:assert/strict';
import {
  completeExports,
  exportsFoldingSpans,
  exportsSymbols,
  hoverExports,
} from '../../../server/src/features/exports';
import { EXPORTS_FEATURES } from '../../../server/src/features/exports';
import { analyseExports, exportsSite } from '../helpers/exports-site';
import { applyEdits, cursor } from '../helpers/site';

function hoverAt(marked: string): string {
  const { text, offset } = cursor(marked);
  return hoverExports(analyseExports(text), offset)?.markdown ?? '';
}

function completionLabels(marked: string): string[] {
  const { text, offset } = cursor(marked);
  return completeExports(analyseExports(text), offset).map((c) => c.label);
}

/** Applies the fix titled `title` of the (only) finding of `ruleId` and returns the new text. */
function applyFix(text: string, ruleId: string, title: string): string {
  const site = exportsSite(`=== etc/exports\n${text}`);
  const finding = site.findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `no ${ruleId} finding`);
  const fix = finding.fixes?.find((f) => f.title === title);
  assert.ok(fix, `no fix '${title}' (have: ${finding.fixes?.map((f) => f.title).join(', ')})`);
  return applyEdits(text, fix.edits);
}

describe('hover in exports files', () => {
  it('documents an option from the table, with its opposite and source', () => {
    const md = hoverAt('/srv/a 10.0.0.1(rw,no_root_sq<|>uash)\n');
    assert.match(md, /\*\*no_root_squash\*\* \(export option\)/);
    assert.match(md, /opposite: `root_squash`/);
    assert.match(md, /Source: exports\(5\)/);
  });

  it('says what addresses a netmask client covers', () => {
    const md = hoverAt('/opt/ondemand/root 192.168.0.0/255.2<|>55.255.0(ro,no_root_squash,async)\n');
    assert.match(
      md,
      /`192\.168\.0\.0\/255\.255\.255\.0` covers 192\.168\.0\.0–192\.168\.0\.255 \(256 addresses\)/,
    );
    assert.match(
      md,
      /Effective options: `ro,async,wdelay,secure,hide,nocrossmnt,no_subtree_check,no_pnfs,no_root_squash/,
    );
  });

  it('covers wildcards, the world of a detached list, and decodes paths', () => {
    assert.match(
      hoverAt('/srv/a *.lab<|>.example(ro)\n'),
      /every host whose name matches `\*\.lab\.example`/,
    );
    assert.match(hoverAt('/srv/a host (r<|>w)\n'), /\*\*rw\*\*/);
    assert.match(hoverAt('/srv/a host <|>(rw)\n'), /Covers every host \(the world\)/);
    assert.match(hoverAt('/srv/oc<|>tal\\040name 10.0.0.1(ro)\n'), /read as `\/srv\/octal name`/);
  });

  it('names an unknown option as such', () => {
    assert.match(hoverAt('/srv/a 10.0.0.1(bo<|>gus)\n'), /not an option exportfs knows/);
  });
});

describe('completion in exports files', () => {
  it('offers options inside ( ), after a comma, and in a - list; nothing outside', () => {
    const labels = completionLabels('/srv/a 10.0.0.1(rw,<|>)\n');
    assert.ok(labels.includes('no_subtree_check') && labels.includes('fsid') && labels.includes('sec'));
    assert.ok(!labels.includes('mp') && !labels.includes('secure_locks'), 'aliases are left out');
    assert.ok(completionLabels('/srv/a -<|>').includes('sync'));
    assert.deepEqual(completionLabels('/srv/a 10.0.0.1<|>'), []);
    assert.deepEqual(completionLabels('/srv/a 10.0.0.1(rw) <|>'), []);
  });

  it('offers enumerable values after =, and after a : in sec=', () => {
    assert.deepEqual(completionLabels('/srv/a h(sec=<|>)\n'), [
      'sys',
      'krb5',
      'krb5i',
      'krb5p',
      'unix',
      'null',
      'none',
    ]);
    assert.ok(completionLabels('/srv/a h(sec=krb5:<|>)\n').includes('sys'));
    assert.deepEqual(completionLabels('/srv/a h(rw,fsid=<|>'), ['0', 'root']);
  });
});

describe('symbols and folding in exports files', () => {
  const text = '# a\n# b\n/srv/a 10.0.0.1(rw) \\\n  *.lab(ro)\n/srv/b\n';
  it('has one symbol per export line with its clients as children', () => {
    const symbols = exportsSymbols(analyseExports(text));
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, s.children.map((c) => `${c.name} ${c.detail}`)]),
      [
        ['/srv/a', '2 clients', ['10.0.0.1 (rw)', '*.lab (ro)']],
        ['/srv/b', 'every host', []],
      ],
    );
  });

  it('folds continued lines and runs of comments', () => {
    const spans = exportsFoldingSpans(analyseExports(text)).map((f) => [
      text.slice(f.span.start, f.span.end),
      f.comment,
    ]);
    assert.deepEqual(spans, [
      ['/srv/a 10.0.0.1(rw) \\\n  *.lab(ro)', false],
      ['# a\n# b', true],
    ]);
  });

  it('EXPORTS_FEATURES answers only for exports files', () => {
    const file = analyseExports('/srv/a 10.0.0.1(rw)\n');
    assert.equal(EXPORTS_FEATURES.symbols(file).length, 1);
    assert.equal(EXPORTS_FEATURES.hover({ uri: 'x', text: '', format: 'xen-config' }, 0), undefined);
  });
});

describe('quick fixes in exports files', () => {
  it('removes the space before (', () => {
    assert.equal(
      applyFix(
        '/srv/a host1 (rw,sync,no_subtree_check)\n',
        'exports/space-before-options',
        'Remove the space: host1(rw,sync,no_subtree_check)',
      ),
      '/srv/a host1(rw,sync,no_subtree_check)\n',
    );
    assert.equal(
      applyFix(
        '/srv/a (ro,sync,no_subtree_check)\n',
        'exports/space-before-options',
        'Export to every host explicitly: *(ro,sync,no_subtree_check)',
      ),
      '/srv/a *(ro,sync,no_subtree_check)\n',
    );
  });

  it('drops either side of a conflict', () => {
    const text = '/srv/a 10.0.0.1(ro,sync,no_subtree_check,rw)\n';
    assert.equal(
      applyFix(text, 'exports/conflicting-options', "Remove 'ro' (keep 'rw')"),
      '/srv/a 10.0.0.1(sync,no_subtree_check,rw)\n',
    );
    assert.equal(
      applyFix(text, 'exports/conflicting-options', "Remove 'rw' (keep 'ro')"),
      '/srv/a 10.0.0.1(ro,sync,no_subtree_check)\n',
    );
  });

  it('adds sync and no_subtree_check, with or without an option list', () => {
    assert.equal(
      applyFix('/srv/a 10.0.0.1(rw,no_subtree_check)\n', 'exports/missing-sync', "Add 'sync'"),
      '/srv/a 10.0.0.1(rw,no_subtree_check,sync)\n',
    );
    assert.equal(
      applyFix('/srv/a 10.0.0.1(rw,sync)\n', 'exports/missing-subtree-check', "Add 'no_subtree_check'"),
      '/srv/a 10.0.0.1(rw,sync,no_subtree_check)\n',
    );
    assert.equal(
      applyFix('/srv/a 10.0.0.1 \n', 'exports/missing-sync', "Add 'sync'"),
      '/srv/a 10.0.0.1(sync) \n',
    );
    assert.equal(
      applyFix('/srv/a 10.0.0.1()\n', 'exports/missing-sync', "Add 'sync'"),
      '/srv/a 10.0.0.1(sync)\n',
    );
  });

  it('renames an unknown option to the nearest known one, or removes it', () => {
    const text = '/srv/a 10.0.0.1(rw,sync,no_subtree_check,no_root_sqash)\n';
    assert.equal(
      applyFix(text, 'exports/unknown-option', "Change to 'no_root_squash'"),
      '/srv/a 10.0.0.1(rw,sync,no_subtree_check,no_root_squash)\n',
    );
    assert.equal(
      applyFix(text, 'exports/unknown-option', "Remove 'no_root_sqash'"),
      '/srv/a 10.0.0.1(rw,sync,no_subtree_check)\n',
    );
    assert.equal(
      applyFix('/srv/a 10.0.0.1(rw=yes,sync,no_subtree_check)\n', 'exports/unknown-option', "Remove '=yes'"),
      '/srv/a 10.0.0.1(rw,sync,no_subtree_check)\n',
    );
    assert.equal(
      applyFix(
        '/srv/a 10.0.0.1(rw,,sync,no_subtree_check)\n',
        'exports/unknown-option',
        "Remove the extra ','",
      ),
      '/srv/a 10.0.0.1(rw,sync,no_subtree_check)\n',
    );
  });

  it('makes a relative path absolute', () => {
    assert.equal(
      applyFix(
        'export/domu1 10.0.0.1(rw,sync,no_subtree_check)\n',
        'exports/relative-path',
        'Make it absolute: /export/domu1',
      ),
      '/export/domu1 10.0.0.1(rw,sync,no_subtree_check)\n',
    );
  });
});
