import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DhcpConfAst } from '../../../../server/src/formats/dhcp/ast';
import { parseDhcpConf } from '../../../../server/src/formats/dhcp/parser';
import { buildDhcpModel } from '../../../../server/src/formats/dhcp/model';
import type { DhcpModel, DhcpScope } from '../../../../server/src/formats/dhcp/model';
import { hostIndexOf } from '../../../../server/src/formats/dhcp/host-index';
import type { HostGroups } from '../../../../server/src/formats/dhcp/host-index';
import { rebuildDhcpModel } from '../../../../server/src/formats/dhcp/model-splice';
import { reparseDhcpConf } from '../../../../server/src/formats/dhcp/reparse';
import { below, pick, prng } from '../../../fuzz/prng';
import type { Rng } from '../../../fuzz/prng';

/**
 * Reparsing a dhcpd.conf after an edit (formats/dhcp/reparse.ts) must give the tree a full parse gives:
 * every statement, span, issue, fix, comment and include. Random files of many top-level blocks, random
 * edits (some break the file), each edit checked against a parse from scratch.
 */

function mac(rnd: Rng): string {
  return Array.from({ length: 6 }, () => below(rnd, 256).toString(16).padStart(2, '0')).join(':');
}

const BLOCKS: ((rnd: Rng, n: number) => string)[] = [
  (rnd, n) =>
    `host h${n} {\n  hardware ethernet ${mac(rnd)};\n  fixed-address 10.0.${below(rnd, 250)}.${below(rnd, 250) + 1};\n  filename "pxelinux.0";\n  option root-path "10.0.0.1:/export/h${n}";\n}\n`,
  (rnd, n) => `# host h${n} is off\nhost h${n} { hardware ethernet ${mac(rnd)}; }\n`,
  (_rnd, n) =>
    `subnet 10.${n % 250}.0.0 netmask 255.255.0.0 {\n  option routers 10.${n % 250}.0.1;\n  pool {\n    range 10.${n % 250}.1.1 10.${n % 250}.1.9;\n  }\n}\n`,
  (rnd, n) =>
    `group {\n  next-server 10.0.0.${below(rnd, 9) + 1};\n  host g${n} { hardware ethernet ${mac(rnd)}; }\n}\n`,
  () => `if exists user-class {\n  filename "a";\n}\nelse {\n  filename "b";\n}\n`,
  (_rnd, n) => `option domain-name "line ${n}\n}\nnext";\n`,
  (_rnd, n) => `host q${n} { option host-name "say \\"hi\\""; }\n`,
  () => `}\n`,
  () => `default-lease-time 600;\n`,
  // Keys are declared at the top (a declaration changes the parse state: no reparse before it); zones use one.
  (_rnd, n) => `zone z${n}.example. { primary 10.0.0.1; key k1; }\n`,
  // A missing ';' splits one raw statement into several (statements.ts), at the top level and in a body.
  (rnd, n) =>
    `default-lease-time 600 max-lease-time ${n}\nhost s${n} { hardware ethernet ${mac(rnd)} fixed-address 10.8.0.${n % 250}; }\n`,
  // Names, MACs and addresses that other hosts share: the host index must track duplicates across edits.
  (_rnd, n) =>
    `host twin${n % 200} { hardware ethernet 00:16:3e:00:00:${(n % 150).toString(16).padStart(2, '0')}; fixed-address 10.9.9.${n % 100}; }\n`,
];

const SNIPPETS = [
  '}',
  '{',
  ';',
  '"',
  '#',
  '\n',
  '}\n',
  'host x {',
  'else { }\n',
  'class "c" { }\n',
  'x',
  ' ',
];

function siteText(rnd: Rng, size: number): string {
  let text = 'class "pxe" { match if substring (option vendor-class-identifier, 0, 9) = "PXEClient"; }\n';
  text += 'key k1 { algorithm hmac-md5; secret "c2VjcmV0"; }\n';
  for (let n = 0; text.length < size; n++) text += pick(rnd, BLOCKS)(rnd, n);
  return text;
}

function edit(rnd: Rng, text: string): string {
  const at = below(rnd, text.length + 1);
  // Mostly typing (one character replaced), sometimes a cut or a pasted piece that may break the file.
  const kind = below(rnd, 4);
  if (kind === 0) return text.slice(0, at) + pick(rnd, SNIPPETS) + text.slice(at);
  if (kind === 1) return text.slice(0, at) + text.slice(at + 1 + below(rnd, 30));
  return text.slice(0, at) + String.fromCharCode(97 + below(rnd, 26)) + text.slice(at + 1);
}

/** A scope as the rules read it: its kind and values, with the spans of the statements that set them. */
function scopeText(scope: DhcpScope | undefined): string {
  const parts: string[] = [];
  for (let s = scope; s; s = s.parent) {
    const values = [...s.values].map(([k, v]) => `${k}@${v.statement.span.start}`);
    parts.push(`${s.kind}@${s.statement?.span.start ?? '-'}{${values.join(',')}}`);
  }
  return parts.join('<');
}

/** The model as the rules read it (hosts, subnets, ranges, their scopes), positions included. */
function modelText(m: DhcpModel): string {
  return JSON.stringify({
    global: scopeText(m.global),
    hosts: m.hosts.map((h) => [
      h.name.text,
      h.name.span.start,
      h.mac,
      h.fixedAddresses.map((a) => a.value),
      scopeText(h.scope),
    ]),
    subnets: m.subnets.map((s) => [
      s.network,
      s.mask,
      s.statement.span.start,
      s.ranges.map((r) => r.low),
      scopeText(s.scope),
    ]),
    ranges: m.ranges.map((r) => [
      r.low,
      r.high,
      r.statement.span.start,
      scopeText(r.scope),
      scopeText(r.network),
    ]),
  });
}

/** The host index as the duplicate checks read it: every key's hosts (by position) and the repeated keys. */
function indexText(m: DhcpModel): string {
  const index = hostIndexOf(m);
  const groups = <K>(g: HostGroups<K>): unknown => ({
    lists: [...g.keys()]
      .map((k) => `${String(k)}:${(g.get(k) ?? []).map((h) => h.statement.span.start).join(',')}`)
      .sort(),
    repeated: [...g.repeated()].map(String).sort(),
  });
  return JSON.stringify([groups(index.byName), groups(index.byMac), groups(index.byAddress)]);
}

/** Whether the new tree kept statements of the old one (the edit was reparsed, not parsed again). */
function kept(before: DhcpConfAst, after: DhcpConfAst): boolean {
  const keep = new Set(before.statements);
  return after.statements.some((s) => keep.has(s));
}

describe('dhcpd.conf reparsed after an edit', () => {
  it('gives the tree a full parse gives, edit after edit', function () {
    this.timeout(120_000);
    const rnd = prng(20261123);
    let reparsed = 0;
    let edits = 0;
    for (let file = 0; file < 6; file++) {
      let text = siteText(rnd, 150_000);
      let ast = parseDhcpConf(text);
      let model = buildDhcpModel(ast);
      for (let e = 0; e < 30; e++, edits++) {
        const next = edit(rnd, text);
        const before = ast;
        const again = reparseDhcpConf(next, { text, ast });
        if (kept(before, again)) reparsed++;
        const full = parseDhcpConf(next);
        assert.equal(JSON.stringify(again), JSON.stringify(full), `file ${file}, edit ${e}`);
        // The index is made before the edit, so that the rebuild carries it over (host-index.ts).
        hostIndexOf(model);
        model = rebuildDhcpModel(again, model);
        const fresh = buildDhcpModel(full);
        assert.equal(modelText(model), modelText(fresh), `model: file ${file}, edit ${e}`);
        assert.equal(indexText(model), indexText(fresh), `host index: file ${file}, edit ${e}`);
        text = next;
        ast = again;
      }
    }
    // Most edits of such files touch one or two pieces: the test is about reparses, not full parses.
    assert.ok(reparsed > edits / 2, `only ${reparsed} of ${edits} edits were reparsed`);
  });

  it('reads only the edited region of the 20,000-host benchmark file shape', () => {
    const rnd = prng(7);
    let text = '';
    for (let n = 0; n < 2000; n++) text += BLOCKS[0](rnd, n);
    const ast = parseDhcpConf(text);
    const at = text.indexOf('filename "', text.indexOf('host h1000 {')) + 'filename "'.length;
    const next = `${text.slice(0, at)}pxe${text.slice(at)}`;
    const again = reparseDhcpConf(next, { text, ast });
    assert.ok(kept(ast, again));
    assert.equal(JSON.stringify(again), JSON.stringify(parseDhcpConf(next)));
    const host = again.statements.find((s) => s.name?.text === 'h1999');
    assert.equal(next.slice(host?.span.start, host?.span.end).split('\n')[0], 'host h1999 {');
  });

  it('parses again from scratch when the edit declares an option space', () => {
    const text = fs.readFileSync(
      path.join(__dirname, '../../../../../test/fixtures/dhcp/seed-001-dhcpd.conf'),
      'utf8',
    );
    const ast = parseDhcpConf(text);
    const next = `option space extra;\n${text}`;
    const again = reparseDhcpConf(next, { text, ast });
    assert.equal(JSON.stringify(again), JSON.stringify(parseDhcpConf(next)));
  });
});
