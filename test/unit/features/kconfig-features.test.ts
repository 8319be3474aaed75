import assert from 'node:assert/strict';
import { completeKconfig } from '../../../server/src/features/kconfig/completion';
import { hoverKconfig } from '../../../server/src/features/kconfig/hover';
import { kconfigFoldingSpans, kconfigSymbols } from '../../../server/src/features/kconfig/symbols';
import type { KconfigSymbolSpec } from '../../../server/src/features/kconfig/symbols';
import { analyseKconfig, applyKconfigEdits, kconfigSite } from '../helpers/kconfig-site';
import { cursor } from '../helpers/site';

function hoverAt(marked: string, path?: string): string {
  const { text, offset } = cursor(marked);
  return hoverKconfig(analyseKconfig(text, path), offset)?.markdown ?? '';
}

function labels(marked: string): string[] {
  const { text, offset } = cursor(marked);
  return completeKconfig(analyseKconfig(text), offset).map((c) => c.label);
}

/** Applies the fix titled `title` of the first finding of `ruleId` and returns the new text. */
function applyFix(text: string, ruleId: string, title: string): string {
  const site = kconfigSite(`=== boot/config-6.1.0\n${text}`);
  const finding = site.findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `no ${ruleId}`);
  const fix = finding.fixes?.find((f) => f.title === title);
  assert.ok(fix, `no fix '${title}' among ${finding.fixes?.map((f) => f.title).join(' | ')}`);
  return applyKconfigEdits(text, fix.edits);
}

describe('hover in kernel .config files', () => {
  it('documents a table symbol: what it does, type, dependencies, what an NFS root needs, the source', () => {
    const md = hoverAt('CONFIG_ROOT_<|>NFS=y\n');
    assert.match(md, /^\*\*CONFIG_ROOT_NFS\*\* \(kernel config symbol\)/);
    assert.match(md, /type: bool/);
    assert.match(md, /depends on: `NETWORK_FILESYSTEMS && NFS_FS=y && IP_PNP`/);
    assert.match(md, /\*\*NFS root:\*\* y for a kernel-mounted NFS root/);
    assert.match(md, /Source: fs\/nfs\/Kconfig \(Linux 6\.1\)/);
    assert.match(md, /Value here: `y`/);
  });

  it("says that '# CONFIG_X is not set' means n", () => {
    const md = hoverAt('# CONFIG_IP_<|>PNP is not set\n');
    assert.match(md, /is a setting, not a comment: it sets the symbol to \*\*n\*\*/);
    assert.match(md, /\*\*CONFIG_IP_PNP\*\*/);
  });

  it('gives any other symbol its type as guessed from the value, and the value', () => {
    const md = hoverAt('CONFIG_LOG_BUF<|>_SHIFT=17\n');
    assert.match(md, /Not in this extension’s table/);
    assert.match(md, /type \(from the value\): int \(or hex\)/);
    assert.match(md, /Value here: `17`/);
    assert.match(
      hoverAt('CONFIG_FOO<|>=m\nCONFIG_FOO=y\n'),
      /type \(from the value\): tristate[\s\S]*a later line overrides it/,
    );
  });

  it('shows the kernel version on the header, and says when only the content made it a .config', () => {
    assert.match(
      hoverAt('#\n# Linux/x86 6.1<|>.0 Kernel Configuration\n#\nCONFIG_A=y\n'),
      /\*\*Kernel version 6\.1\.0\*\* for x86/,
    );
    const note = hoverAt('CONFIG_NF<|>S_FS=y\nCONFIG_B=y\nCONFIG_C=y\n', 'notes/kernel-options.txt');
    assert.match(note, /^\*\*Kernel \.config, recognised by its content\*\*: `kernel-options\.txt`/);
    assert.match(note, /\*\*CONFIG_NFS_FS\*\*/);
    assert.doesNotMatch(hoverAt('CONFIG_NF<|>S_FS=y\n'), /recognised by its content/);
  });
});

describe('completion in kernel .config files', () => {
  it('offers the table symbols at the start of a line, NFS-root ones first, with a value choice', () => {
    const { text, offset } = cursor('CONFIG_NF<|>\n');
    const items = completeKconfig(analyseKconfig(text), offset);
    const nfs = items.find((c) => c.label === 'CONFIG_NFS_FS');
    assert.equal(nfs?.insertText, 'CONFIG_NFS_FS=${1|y,m,n|}');
    assert.equal(items.find((c) => c.label === 'CONFIG_ROOT_NFS')?.insertText, 'CONFIG_ROOT_NFS=${1|y,n|}');
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.equal(
      sorted[0].label.startsWith('CONFIG_NFS') || sorted[0].label.startsWith('CONFIG_NETWORK'),
      true,
    );
    assert.ok(!items.some((c) => c.label === 'CONFIG_SUNRPC'), 'symbols without a prompt are not offered');
    assert.ok(labels('<|>\n').includes('CONFIG_XEN_NETDEV_FRONTEND'));
  });

  it('offers the values a symbol takes after =', () => {
    assert.deepEqual(labels('CONFIG_NFS_FS=<|>\n'), ['y', 'm', 'n']);
    assert.deepEqual(labels('CONFIG_IP_PNP=<|>\n'), ['y', 'n']);
    assert.deepEqual(labels('CONFIG_ANYTHING=<|>\n'), ['y', 'm', 'n']);
    assert.deepEqual(labels('# comment <|>\n'), []);
  });
});

describe('outline and folding of kernel .config files', () => {
  const text =
    '#\n# Linux/x86 6.1.0 Kernel Configuration\n#\nCONFIG_A=y\n\n#\n# Networking support\n#\nCONFIG_NET=y\n\n#\n# Networking options\n#\nCONFIG_IP_PNP=y\n# end of Networking options\n# end of Networking support\n\n#\n# File systems\n#\nCONFIG_NFS_FS=y\n';
  it('has the sections conf writes, nested by their end markers, and the network-boot symbols in them', () => {
    const show = (s: KconfigSymbolSpec): string =>
      s.children.length ? `${s.name}{${s.children.map(show).join(',')}}` : s.name;
    assert.deepEqual(kconfigSymbols(analyseKconfig(text)).map(show), [
      'Networking support{CONFIG_NET,Networking options{CONFIG_IP_PNP}}',
      'File systems{CONFIG_NFS_FS}',
    ]);
  });

  it('folds each section and the header', () => {
    const file = analyseKconfig(text);
    const folds = kconfigFoldingSpans(file).map(
      (f) =>
        `${f.comment ? 'comment ' : ''}${JSON.stringify(text.slice(f.span.start, f.span.end).split('\n')[1] ?? '')}`,
    );
    assert.deepEqual(folds, [
      'comment "# Linux/x86 6.1.0 Kernel Configuration"',
      '"# Networking support"',
      '"# Networking options"',
      '"# File systems"',
    ]);
  });
});

describe('quick fixes in kernel .config files', () => {
  it('duplicate-symbol: removes the earlier line', () => {
    const text = 'CONFIG_NFS_FS=m\nCONFIG_IP_PNP=y\nCONFIG_NFS_FS=y\n';
    assert.equal(
      applyFix(text, 'kconfig/duplicate-symbol', 'Remove this line'),
      'CONFIG_IP_PNP=y\nCONFIG_NFS_FS=y\n',
    );
    const last = kconfigSite(`=== a/.config\n${text}`).findings.find((f) => f.span.start > 20);
    assert.equal(last?.fixes?.[0].title, 'Remove the earlier CONFIG_NFS_FS line');
    assert.equal(applyKconfigEdits(text, last?.fixes?.[0].edits ?? []), 'CONFIG_IP_PNP=y\nCONFIG_NFS_FS=y\n');
  });

  it('invalid-value, value-type and syntax: write the value as conf does', () => {
    assert.equal(
      applyFix('CONFIG_NFS_FS=yes\n', 'kconfig/invalid-value', "Write 'CONFIG_NFS_FS=y'"),
      'CONFIG_NFS_FS=y\n',
    );
    assert.equal(
      applyFix('CONFIG_IP_PNP=\n', 'kconfig/invalid-value', "Write '# CONFIG_IP_PNP is not set'"),
      '# CONFIG_IP_PNP is not set\n',
    );
    assert.equal(
      applyFix('CONFIG_ROOT_NFS=m\n', 'kconfig/value-type', "Write 'CONFIG_ROOT_NFS=y'"),
      'CONFIG_ROOT_NFS=y\n',
    );
    assert.equal(
      applyFix('  CONFIG_ROOT_NFS=y\n', 'kconfig/syntax', "Write 'CONFIG_ROOT_NFS=y'"),
      'CONFIG_ROOT_NFS=y\n',
    );
    assert.equal(
      applyFix('#CONFIG_NFS_V4 is not set\n', 'kconfig/syntax', "Write '# CONFIG_NFS_V4 is not set'"),
      '# CONFIG_NFS_V4 is not set\n',
    );
  });
});
