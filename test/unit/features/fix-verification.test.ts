import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/core/finding';
import { codeActionsFor } from '../../../server/src/features/code-actions';
import type { LspCodeAction } from '../../../server/src/features/code-actions';
import { LineIndexCache, toDiagnostics } from '../../../server/src/features/diagnostics';
import { FixVerifier, workspaceTargets } from '../../../server/src/features/fix-verification';
import type { FormatId } from '../../../server/src/workspace/analysed-file';
import { Workspace } from '../../../server/src/workspace/workspace';
import { applyEdits, testUri } from '../helpers/site';

/** Where each format's test file lives. */
const PATHS: Readonly<Record<FormatId, string>> = {
  'xen-config': 'etc/xen/a.cfg',
  'nfs-exports': 'etc/exports',
  'dhcpd-conf': 'etc/dhcp/dhcpd.conf',
  'grub-legacy': 'boot/grub/menu.lst',
  grub2: 'boot/grub/grub.cfg',
  pxelinux: 'tftpboot/pxelinux.cfg/default',
  kconfig: 'boot/config-6.1.0',
};

interface Offered {
  readonly ws: Workspace;
  readonly uri: string;
  readonly actions: LspCodeAction[];
  readonly lines: LineIndexCache;
}

/** The code actions a client gets for every diagnostic of `ruleId` in a file of `format` holding `text`. */
function offered(format: FormatId, text: string, ruleId: string): Offered {
  const ws = new Workspace();
  const uri = testUri(PATHS[format]);
  ws.setFile(uri, PATHS[format], text, 1, { format });
  const lines = new LineIndexCache();
  const findings = ws.check().get(uri) ?? [];
  const diagnostics = toDiagnostics(ws, findings, lines, undefined).filter((d) => d.code === ruleId);
  assert.ok(diagnostics.length > 0, `no ${ruleId} diagnostic in ${JSON.stringify(text)}`);
  return { ws, uri, actions: codeActionsFor(ws, findings, diagnostics, lines), lines };
}

function titles(o: Offered): string[] {
  return o.actions.map((a) => a.title);
}

/** The file `uri` after the action titled `title`. */
function after(o: Offered, title: string, uri = o.uri): string {
  const action = o.actions.find((a) => a.title === title);
  assert.ok(action, `no quick fix '${title}' among ${JSON.stringify(titles(o))}`);
  const text = o.ws.getFile(uri)?.text ?? '';
  const index = o.lines.get(uri, text);
  const edits = (action.edit.changes[uri] ?? []).map((e) => ({
    span: { start: index.offset(e.range.start), end: index.offset(e.range.end) },
    newText: e.newText,
  }));
  return applyEdits(text, edits);
}

describe('quick fixes never offer a new syntax error', () => {
  describe('xen-config', () => {
    it('converts CRLF to LF but leaves a CR inside a string alone (no unterminated string)', () => {
      const o = offered(
        'xen-config',
        'name = "a"\r\nvif = [ \'mac=00:16:3e:00:00:01\rx\' ]\r\n',
        'xen/syntax',
      );
      assert.equal(
        after(o, 'Convert line endings to LF'),
        'name = "a"\nvif = [ \'mac=00:16:3e:00:00:01\rx\' ]\n',
      );
    });

    it('reads a lone CR before a new statement as a line break and one inside a statement as a blank', () => {
      const o = offered('xen-config', 'name = "a"\rmemory\r= 128\r\n', 'xen/syntax');
      assert.equal(after(o, 'Convert line endings to LF'), 'name = "a"\nmemory = 128\n');
    });

    it('offers no ASCII quotes for a stray typographic quote after a value, and does for a quoted value', () => {
      const stray = offered('xen-config', 'name = "a"\nip = "10.0.0.28"\u2019\n', 'xen/typographic-quote');
      assert.ok(!titles(stray).includes('Replace typographic quotes with ASCII quotes'));
      const quoted = offered('xen-config', 'name = \u2018a\u2019\n', 'xen/typographic-quote');
      assert.equal(after(quoted, 'Replace typographic quotes with ASCII quotes'), "name = 'a'\n");
    });
  });

  describe('kconfig', () => {
    it("writes exactly '# CONFIG_X is not set' for an indented line without '#'", () => {
      const o = offered('kconfig', 'CONFIG_NET=y\n CONFIG_IP_PNP_BOOTP is not set\n', 'kconfig/syntax');
      assert.deepEqual(titles(o), ["Write '# CONFIG_IP_PNP_BOOTP is not set'"]);
      assert.equal(
        after(o, "Write '# CONFIG_IP_PNP_BOOTP is not set'"),
        'CONFIG_NET=y\n# CONFIG_IP_PNP_BOOTP is not set\n',
      );
    });

    it("rewrites the whole line conf reads when a lone CR follows the '#'", () => {
      const o = offered('kconfig', 'CONFIG_NFS_FS=y\n#\r CONFIG_NFS_V2 is not set\n', 'kconfig/syntax');
      assert.ok(!titles(o).includes("Write 'CONFIG_NFS_V2 is not set'"));
      assert.equal(
        after(o, "Write '# CONFIG_NFS_V2 is not set'"),
        'CONFIG_NFS_FS=y\n# CONFIG_NFS_V2 is not set\n',
      );
    });
  });

  describe('grub2', () => {
    it("never offers '[' as the spelling of a word", () => {
      const o = offered('grub2', 'y\n', 'grub2/unknown-command');
      assert.deepEqual(titles(o), []);
    });

    it("renames to 'menuentry' only when the block it opens is closed", () => {
      const open = offered('grub2', "menuentr 'Debian' {\n  linux /vmlinuz\n", 'grub2/unknown-command');
      assert.ok(!titles(open).includes("Change to 'menuentry'"));
      const closed = offered('grub2', "menuentr 'Debian' {\n  linux /vmlinuz\n}\n", 'grub2/unknown-command');
      assert.equal(after(closed, "Change to 'menuentry'"), "menuentry 'Debian' {\n  linux /vmlinuz\n}\n");
    });

    it('does not rename a command that does not start a command of its own', () => {
      const o = offered('grub2', "menuentry 'a' {\n  linux /vmlinuz\n} modul2 /x\n", 'grub2/unknown-command');
      assert.ok(!titles(o).includes("Change to 'module2'"));
      const own = offered(
        'grub2',
        "menuentry 'a' {\n  linux /vmlinuz\n  modul2 /x\n}\n",
        'grub2/unknown-command',
      );
      assert.equal(after(own, "Change to 'module2'"), "menuentry 'a' {\n  linux /vmlinuz\n  module2 /x\n}\n");
    });
  });

  describe('grub-legacy', () => {
    it("offers 'kernel' for 'kernal' only when a file follows", () => {
      const bare = offered('grub-legacy', 'title a\nkernal\n', 'grub/unknown-command');
      assert.ok(!titles(bare).includes("Change to 'kernel'"));
      const withFile = offered('grub-legacy', 'title a\nkernal /vmlinuz\n', 'grub/unknown-command');
      assert.equal(after(withFile, "Change to 'kernel'"), 'title a\nkernel /vmlinuz\n');
    });
  });

  describe('pxelinux', () => {
    it("offers 'LABEL' only for a line that has a name, and 'TEXT' only when an ENDTEXT follows", () => {
      const bare = offered('pxelinux', 'DEFAULT a\nLABL\n', 'pxelinux/unknown-keyword');
      assert.ok(!titles(bare).includes("Change to 'LABEL'"));
      const named = offered('pxelinux', 'DEFAULT a\nLABL a\n  KERNEL vmlinuz\n', 'pxelinux/unknown-keyword');
      assert.equal(after(named, "Change to 'LABEL'"), 'DEFAULT a\nLABEL a\n  KERNEL vmlinuz\n');
      const help = offered('pxelinux', 'LABEL a\n  KERNEL vmlinuz\n  TEX HELP\n', 'pxelinux/unknown-keyword');
      assert.ok(!titles(help).includes("Change to 'TEXT'"));
    });
  });

  describe('dhcpd-conf', () => {
    const host = (line: string): string => `host a {\n  ${line}\n  fixed-address 10.0.0.2;\n}\n`;

    it("renames to 'hardware' only when a hardware type and address follow", () => {
      const bare = offered('dhcpd-conf', host('hardwar;'), 'dhcp/unknown-statement');
      assert.ok(!titles(bare).includes("Rename to 'hardware'"));
      const full = offered('dhcpd-conf', host('hardwar ethernet 00:16:3e:00:00:01;'), 'dhcp/syntax');
      assert.equal(after(full, "Rename to 'hardware'"), host('hardware ethernet 00:16:3e:00:00:01;'));
    });

    it('renames an undeclared option only to one whose type the value fits', () => {
      const number = offered('dhcpd-conf', host('option host-nam 42;'), 'dhcp/undeclared-option');
      assert.ok(!titles(number).includes("Rename to 'host-name'"));
      const text = offered('dhcpd-conf', host('option host-nam "pc1";'), 'dhcp/undeclared-option');
      assert.equal(after(text, "Rename to 'host-name'"), host('option host-name "pc1";'));
    });
  });

  describe('nfs-exports', () => {
    it('still offers a misspelt option its fix', () => {
      const o = offered('nfs-exports', '/srv 10.0.0.0/8(rw,no_root_sqash)\n', 'exports/unknown-option');
      assert.equal(after(o, "Change to 'no_root_squash'"), '/srv 10.0.0.0/8(rw,no_root_squash)\n');
    });
  });
});

/** A finding of `ruleId` at the start of `uri` with the given fixes (what a faulty rule could write). */
function finding(uri: string, ruleId: string, fixes: Finding['fixes']): Finding {
  return { ruleId, uri, span: { start: 0, end: 1 }, message: 'test', fixes };
}

function actionsFor(ws: Workspace, f: Finding): string[] {
  const lines = new LineIndexCache();
  const diagnostics = toDiagnostics(ws, [f], lines, undefined);
  return codeActionsFor(ws, [f], diagnostics, lines).map((a) => a.title);
}

describe('the safety net behind every quick fix (features/fix-verification.ts)', () => {
  const cfg = testUri('etc/xen/a.cfg');
  const exportsUri = testUri('etc/exports');

  function site(): Workspace {
    const ws = new Workspace();
    ws.setFile(cfg, 'etc/xen/a.cfg', 'name = "a"\nmemory = [\n', 1);
    ws.setFile(exportsUri, 'etc/exports', '/srv 10.0.0.0/8(rw)\n', 1);
    return ws;
  }

  it('withholds a fix whose result has a syntax error the file did not have, and keeps a good one', () => {
    const ws = site();
    const f = finding(cfg, 'xen/unknown-option', [
      { title: 'break it', edits: [{ uri: cfg, span: { start: 7, end: 10 }, newText: '"a' }] },
      { title: 'rename it', edits: [{ uri: cfg, span: { start: 8, end: 9 }, newText: 'b' }] },
    ]);
    assert.deepEqual(actionsFor(ws, f), ['rename it']);
  });

  it('does not count an existing error that an edit before it merely moves', () => {
    const ws = site();
    // 'memory = [' is unclosed before and after: inserting a line above shifts it, it is not new.
    const f = finding(cfg, 'xen/unknown-option', [
      { title: 'add a line', edits: [{ uri: cfg, span: { start: 0, end: 0 }, newText: 'vcpus = 2\n' }] },
    ]);
    assert.deepEqual(actionsFor(ws, f), ['add a line']);
  });

  it('verifies a cross-file fix on the file it edits', () => {
    const ws = site();
    const f = finding(cfg, 'xen/unknown-option', [
      {
        title: 'break the exports',
        edits: [{ uri: exportsUri, span: { start: 15, end: 19 }, newText: '(rw' }],
      },
      {
        title: 'widen the export',
        edits: [{ uri: exportsUri, span: { start: 16, end: 18 }, newText: 'rw,no_root_squash' }],
      },
    ]);
    assert.deepEqual(actionsFor(ws, f), ['widen the export']);
  });

  it('withholds fixes past its re-parse budget and overlapping edits', () => {
    const ws = site();
    const verifier = new FixVerifier(workspaceTargets(ws), 30);
    const rename = (to: string) => ({
      title: to,
      edits: [{ uri: cfg, span: { start: 8, end: 9 }, newText: to }],
    });
    assert.equal(verifier.accepts(rename('b')), true);
    assert.equal(verifier.accepts(rename('b')), true, 'a fix verified once is not re-parsed');
    assert.equal(
      verifier.accepts(rename('c')),
      false,
      'a second re-parse would pass the 30-character budget',
    );
    const overlapping = {
      title: 'overlap',
      edits: [
        { uri: exportsUri, span: { start: 0, end: 4 }, newText: '/a' },
        { uri: exportsUri, span: { start: 2, end: 6 }, newText: '/b' },
      ],
    };
    assert.equal(new FixVerifier(workspaceTargets(ws)).accepts(overlapping), false);
  });
});
