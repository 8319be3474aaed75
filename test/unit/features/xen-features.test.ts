import assert from 'node:assert/strict';
import { codeActionsFor } from '../../../server/src/features/code-actions';
import { completeXen } from '../../../server/src/features/completion';
import { LineIndexCache, toDiagnostics } from '../../../server/src/features/diagnostics';
import { hoverXen } from '../../../server/src/features/hover';
import { xenSymbols } from '../../../server/src/features/symbols';
import { parseTopology } from '../../../server/src/workspace/topology';
import { Workspace } from '../../../server/src/workspace/workspace';
import { applyEdits, cursor, testUri } from '../helpers/site';

const URI = testUri('etc/xen/a.cfg');

function open(text: string, topology?: string): Workspace {
  const ws = new Workspace();
  if (topology) ws.setTopology(parseTopology(topology).topology);
  ws.setFile(URI, 'etc/xen/a.cfg', text, 1);
  return ws;
}

function hoverAt(marked: string): string {
  const { text, offset } = cursor(marked);
  const file = open(text).xenFile(URI);
  assert.ok(file);
  return hoverXen(file, offset)?.markdown ?? '';
}

function completionLabels(marked: string, topology?: string): string[] {
  const { text, offset } = cursor(marked);
  const file = open(text, topology).xenFile(URI);
  assert.ok(file);
  return completeXen(file, offset).map((c) => c.label);
}

/** Applies the quick fix titled `title` for the diagnostic of `ruleId` and returns the new text. */
function applyFix(text: string, ruleId: string, title: string, topology?: string): string {
  const ws = open(text, topology);
  const lines = new LineIndexCache();
  const findings = ws.check().get(URI) ?? [];
  const diagnostics = toDiagnostics(ws, findings, lines, undefined).filter((d) => d.code === ruleId);
  assert.ok(diagnostics.length > 0, `no ${ruleId} diagnostic`);
  const action = codeActionsFor(ws, findings, diagnostics, lines).find((a) => a.title === title);
  assert.ok(action, `no quick fix '${title}'`);
  const index = lines.get(URI, text);
  const edits = (action.edit.changes[URI] ?? []).map((e) => ({
    span: { start: index.offset(e.range.start), end: index.offset(e.range.end) },
    newText: e.newText,
  }));
  return applyEdits(text, edits);
}

describe('hover in Xen domain configs', () => {
  it('documents a key from the option table, with its source', () => {
    const md = hoverAt('mem<|>ory = 512\n');
    assert.match(md, /\*\*memory\*\*/);
    assert.match(md, /xl\.cfg\(5\)/);
  });

  it("shows the effective command line on 'kernel' (xl joins root= and extra)", () => {
    const md = hoverAt(
      'ker<|>nel = "/boot/vmlinuz"\nroot = "/dev/nfs"\nextra = "nfsroot=10.0.0.1:/r ip=dhcp"\n',
    );
    assert.match(md, /Effective kernel command line/);
    assert.match(md, /`root=\/dev\/nfs nfsroot=10\.0\.0\.1:\/r ip=dhcp`/);
  });

  it('documents a vif key inside a vif spec', () => {
    assert.match(
      hoverAt("vif = [ 'bridge=xenbr0,m<|>ac=00:16:3e:00:00:01' ]\n"),
      /\*\*mac= \(vif spec\)\*\*/,
    );
  });

  it('documents kernel parameters and the ip= field under the cursor', () => {
    assert.match(hoverAt('extra = "nfs<|>root=10.0.0.1:/r"\n'), /\*\*nfsroot= \(kernel parameter\)\*\*/);
    const md = hoverAt('extra = "ip=10.0.0.5:10.0.0.1:10.0.0.254:255.255.255.0:h:eth0:o<|>ff"\n');
    assert.match(md, /ip= field 7/);
  });
});

describe('completion in Xen domain configs', () => {
  it('offers keys at the start of a line, NFS-boot keys first, xm-only keys only under xm', () => {
    const xl = completionLabels('name = "a"\nke<|>\n');
    assert.ok(xl.includes('kernel'));
    assert.ok(!xl.includes('nfs_server'));
    const xm = completionLabels('name = "a"\n<|>\n', '{ "toolstack": "xm" }');
    assert.ok(xm.includes('nfs_server'));
  });

  it('offers the allowed values of an enumeration', () => {
    assert.deepEqual(completionLabels('on_crash = "<|>"\n').sort(), [
      'coredump-destroy',
      'coredump-restart',
      'destroy',
      'preserve',
      'rename-restart',
      'restart',
      'soft-reset',
    ]);
  });

  it('offers vif keys inside a vif spec and kernel parameters inside extra', () => {
    assert.ok(completionLabels("vif = [ 'bridge=xenbr0,<|>' ]\n").includes('mac'));
    assert.ok(completionLabels('extra = "root=/dev/nfs <|>"\n').includes('nfsroot'));
    assert.ok(completionLabels('extra = "ip=<|>"\n').includes('dhcp'));
  });
});

describe('quick fixes in Xen domain configs', () => {
  it('replaces typographic quotes', () => {
    assert.equal(
      applyFix(
        'hostname=\'domu1’\nname = "a"\n',
        'xen/typographic-quote',
        'Replace typographic quotes with ASCII quotes',
      ),
      'hostname=\'domu1\'\nname = "a"\n',
    );
  });

  it('trims the domain name', () => {
    assert.equal(
      applyFix('name = "domu1 "\n', 'xen/name-whitespace', 'Remove the white space around the name'),
      'name = "domu1"\n',
    );
  });

  it('renames an unknown key to the nearest known one', () => {
    assert.equal(
      applyFix('name = "a"\nkernal = "/k"\n', 'xen/unknown-option', "Rename to 'kernel'"),
      'name = "a"\nkernel = "/k"\n',
    );
  });

  it('moves xm NFS settings into extra for xl, keeping root and the old extra', () => {
    const before = [
      'name = "domu1"',
      'ip = "192.168.2.2"',
      'netmask = "255.255.255.0"',
      'gateway = "192.168.2.1"',
      'hostname = "domu1"',
      'root = "/dev/nfs"',
      'nfs_server = "192.168.2.1"',
      'nfs_root = "/export/domu1"',
      'extra = "4"',
      '',
    ].join('\n');
    const after = applyFix(before, 'xen/xm-only-option', 'Move the xm NFS settings into extra (for xl)');
    assert.equal(
      after,
      [
        'name = "domu1"',
        'root = "/dev/nfs"',
        'extra = "ip=192.168.2.2:192.168.2.1:192.168.2.1:255.255.255.0:domu1:eth0:off nfsroot=192.168.2.1:/export/domu1 4"',
        '',
      ].join('\n'),
    );
    // The result is clean under xl: the kernel now learns its server from nfsroot=.
    assert.deepEqual(open(after).check().get(URI), []);
  });

  it('converts CRLF line endings', () => {
    assert.equal(
      applyFix('name = "a"\r\nmemory = 1\r\n', 'xen/syntax', 'Convert line endings to LF'),
      'name = "a"\nmemory = 1\n',
    );
  });
});

describe('document symbols', () => {
  it('lists assignments and Python constructs', () => {
    const file = open('name = "a"\nimport os\nmemory = 128\n').xenFile(URI);
    assert.ok(file);
    assert.deepEqual(
      xenSymbols(file).map((s) => `${s.name}:${s.kind}`),
      ['name:7', 'import os:12', 'memory:7'],
    );
  });
});
