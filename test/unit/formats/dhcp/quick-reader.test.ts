import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DhcpConfAst, DhcpStatement } from '../../../../server/src/formats/dhcp/ast';
import { buildDhcpModel } from '../../../../server/src/formats/dhcp/model';
import { newParseMemo } from '../../../../server/src/formats/dhcp/parse-memo';
import { newParseState, parseDhcpConf } from '../../../../server/src/formats/dhcp/parser';
import { readQuickPiece } from '../../../../server/src/formats/dhcp/quick-reader';
import { reparseDhcpConf } from '../../../../server/src/formats/dhcp/reparse';
import { fuzzFormat } from '../../../fuzz/formats';
import { deleteOrInsertStep, splice } from '../../../fuzz/mutate';
import { below, pick, prng } from '../../../fuzz/prng';
import type { Rng } from '../../../fuzz/prng';

/**
 * The quick reader (formats/dhcp/quick-reader.ts) reads the plain host blocks and statements of a large
 * dhcpd.conf straight from the text, and leaves everything else to the full reader. A file must parse to
 * the same tree, issues, comments and model with it as without it, whatever the file holds: the lines
 * below mix what it reads with what it must leave (a second hardware line, a MAC to normalise, an unknown
 * option, a comma, a missing `;`, a declaration, a subnet with host bits set, a pool), in hosts, in groups
 * and subnets, and around them.
 */

const BODY_LINES = [
  'hardware ethernet 00:16:3e:00:00:01;',
  'hardware Ethernet 00:16:3e:0a:0b:0c;',
  'hardware ethernet 00:16:3E:00:00:01;',
  'hardware ethernet 0:16:3e:0:0:1;',
  'hardware token-ring 00:16:3e:00:00:02;',
  'hardware ethernt 00:16:3e:00:00:03;',
  'hardware ethernet zz:16:3e:00:00:03;',
  'hardware ethernet;',
  'fixed-address 10.0.0.2;',
  'fixed-address db1.example.org;',
  'fixed-address 10.0.0.2, 10.0.0.3;',
  'fixed-address 10.0.0.300;',
  'fixed-address 10.0.0;',
  'Fixed-Address 10.1.2.3;',
  'filename "pxelinux.0";',
  'filename "say \\"hi\\"";',
  'filename pxelinux.0;',
  'next-server 10.0.0.1;',
  'next-server tftp.example;',
  'next-server 10.0.0.1 10.0.0.2;',
  'option root-path "10.0.0.1:/export/x";',
  'option host-name "h1";',
  'option Host-Name "h2";',
  'option routers 10.0.0.1;',
  'option routers 10.0.0.1, 10.0.0.2;',
  'option domain-name-servers 10.0.0.1;',
  'option no-such-option 1;',
  'option hst-name "typo";',
  'option root-path = concat("a", "b");',
  'option dhcp.host-name "spaced";',
  'option space;',
  'default-lease-time 600;',
  'default-lease-time six;',
  'max-lease-time 7200;',
  'ddns-hostname "h";',
  'DDNS-Hostname "H";',
  'ignore booting;',
  'deny unknown-clients;',
  'filename "a"',
  'filename "unclosed;',
  '# a comment ; { }',
  'range 10.0.0.10 10.0.0.20;',
  'host inner { }',
  '{ }',
  ';',
];

const TOP_LINES = [
  'default-lease-time 600;',
  'option domain-name "example.org";',
  'option domain-name-servers 10.0.0.1, 10.0.0.2;',
  'authoritative;',
  'next-server 10.0.0.1;',
  'ddns-update-style none;',
  'option space pxe;',
  'option pxe.mtftp-ip code 1 = ip-address;',
  'option pxe.mtftp-ip 10.0.0.9;',
  'subnet 10.0.0.0 netmask 255.255.0.0 {\n  range 10.0.9.1 10.0.9.9;\n}',
  'group {\n  host g1 { hardware ethernet 00:16:3e:00:01:01; }\n}',
  'if exists user-class {\n  filename "a";\n}\nelse {\n  filename "b";\n}',
  'else { }',
  '# a comment between blocks',
  '}',
  ';',
  'class "c" { match if option host-name = "x"; }',
  'include "/etc/dhcp/more.conf";',
  'hardware ethernet 00:16:3e:00:00:09;',
  'fixed-address 10.0.0.7;',
];

const HEADS = [
  'host h{n} {',
  'HOST h{n} {',
  'host h{n}{',
  'host "h{n}" {',
  'host h{n} # c\n{',
  'host {',
  'host h{n}',
];

function hostBlock(rnd: Rng, n: number): string {
  const plain = below(rnd, 3) > 0;
  const head = plain ? 'host h{n} {' : pick(rnd, HEADS);
  const lines: string[] = [];
  const count = below(rnd, 7);
  for (let i = 0; i < count; i++) {
    const line = plain && below(rnd, 4) > 0 ? pick(rnd, BODY_LINES.slice(0, 1)) : pick(rnd, BODY_LINES);
    lines.push(line.replace('00:01;', `${(n % 256).toString(16).padStart(2, '0')};`));
  }
  const close = below(rnd, 20) > 0 ? '}' : '';
  return `${head.replace('{n}', String(n))}\n${lines.map((l) => `  ${l}\n`).join('')}${close}\n`;
}

const CONTAINER_HEADS = [
  'group {',
  'GROUP {',
  'group "g{n}" {',
  'subnet 10.{n}.0.0 netmask 255.255.0.0 {',
  'subnet 10.{n}.0.1 netmask 255.255.0.0 {',
  'subnet 10.{n}.0.0 netmask 255.255.0 {',
  'Subnet 10.{n}.0.0 Netmask 255.255.255.0 {',
  'subnet 10.{n}.0.0 mask 255.255.0.0 {',
  'shared-network s{n} {',
];

const CONTAINER_LINES = [
  'range 10.0.0.10 10.0.0.20;',
  'range 10.0.0.30;',
  'range dynamic-bootp 10.0.0.40 10.0.0.50;',
  'range 10.0.0.60 10.0.0.600;',
  'range 10.0.0.70 10.0.0.80 10.0.0.90;',
  'option routers 10.0.0.1;',
  'next-server 10.0.0.1;',
  'default-lease-time 600;',
  'pool { range 10.0.1.1 10.0.1.9; }',
  'group { }',
  'subnet 10.9.0.0 netmask 255.255.0.0 { }',
  'hardware ethernet 00:16:3e:00:00:09;',
];

/** A group, subnet or shared network holding hosts and statements. */
function container(rnd: Rng, n: number): string {
  const parts: string[] = [`${pick(rnd, CONTAINER_HEADS).replace('{n}', String(n % 250))}\n`];
  const count = below(rnd, 6);
  for (let i = 0; i < count; i++)
    parts.push(below(rnd, 2) > 0 ? hostBlock(rnd, n * 10 + i) : `  ${pick(rnd, CONTAINER_LINES)}\n`);
  parts.push(below(rnd, 20) > 0 ? '}\n' : '');
  return parts.join('');
}

/** A file of hosts (mostly plain) with containers and other statements between them. */
function generated(seed: number, blocks: number): string {
  const rnd = prng(seed);
  const parts: string[] = [];
  for (let n = 0; n < blocks; n++) {
    const choice = below(rnd, 10);
    parts.push(choice < 6 ? hostBlock(rnd, n) : choice < 8 ? container(rnd, n) : `${pick(rnd, TOP_LINES)}\n`);
  }
  return parts.join(below(rnd, 2) > 0 ? '' : '\n');
}

/** A plain host, as the benchmark's file has 20,000 of. */
function plainHost(n: number): string {
  const mac = `00:16:3e:00:${(n >> 8).toString(16).padStart(2, '0')}:${(n & 255).toString(16).padStart(2, '0')}`;
  return (
    `host pc${n} {\n  hardware ethernet ${mac};\n  fixed-address 10.0.${n >> 8}.${n & 255};\n` +
    `  next-server 10.0.0.1;\n  filename "pxelinux.0";\n  option root-path "10.0.0.1:/export/pc${n}";\n` +
    `  option host-name "pc${n}";\n}\n`
  );
}

/** JSON with sorted keys (statements made by the two readers may list their fields in other orders). */
function canonical(value: unknown): string {
  return JSON.stringify(sortedKeys(value));
}

function sortedKeys(value: unknown): unknown {
  const v: unknown = hasToJson(value) ? value.toJSON() : value;
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (!v || typeof v !== 'object') return v;
  const record = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(record).sort()) if (record[k] !== undefined) out[k] = sortedKeys(record[k]);
  return out;
}

function hasToJson(v: unknown): v is { toJSON(): unknown } {
  return !!v && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

/** Every field a rule may read, through the `DhcpStatement` interface. */
function readAll(statements: readonly DhcpStatement[]): unknown[] {
  return statements.map((s) => ({
    kind: s.kind,
    span: [s.span.start, s.span.end],
    keyword: [s.keyword.text, s.keyword.span.start, s.keyword.span.end],
    words: s.words.map((w) => [w.text, w.kind, w.span.start, w.span.end]),
    values: s.values?.map((w) => [w.text, w.kind, w.span.start, w.span.end]),
    name: s.name && [s.name.text, s.name.span.start, s.name.span.end],
    option: s.option && [s.option.space, s.option.name, s.option.span.start, s.option.span.end],
    addresses: s.addresses?.map((a) => [a.text, a.value, a.span.start, a.span.end]),
    hardware: s.hardware && [s.hardware.mac, s.hardware.type?.text, s.hardware.address?.span.start],
    parameter: s.parameter,
    bodySpan: s.bodySpan && [s.bodySpan.start, s.bodySpan.end],
    body: s.body && readAll(s.body),
  }));
}

/** What a parse gives the rules: the tree, the issues with their fixes, comments, includes, the model. */
function everything(ast: DhcpConfAst): string {
  const model = buildDhcpModel(ast);
  return canonical({
    statements: ast.statements,
    read: readAll(ast.statements),
    issues: ast.issues,
    comments: ast.comments,
    includes: ast.includes,
    declaredOptions: ast.declaredOptions,
    hosts: model.hosts.map((h) => [h.name, h.mac, h.fixedAddresses, [...h.scope.values.keys()]]),
  });
}

function assertSameParse(text: string, what: string): void {
  assert.equal(everything(parseDhcpConf(text)), everything(parseDhcpConf(text, { quick: false })), what);
}

describe('dhcpd.conf quick reader', () => {
  it('reads a run of plain hosts to their end, and stops before a statement it leaves', () => {
    const hosts = Array.from({ length: 40 }, (_, n) => plainHost(n)).join('');
    const read = (text: string): number => {
      const statements: DhcpStatement[] = [];
      const state = newParseState([], text);
      return readQuickPiece(text, 0, text.length, state, statements, [], newParseMemo());
    };
    assert.equal(read(hosts), hosts.length - 1, 'every host read, to the last `}`');
    const pool = 'subnet 10.0.0.0 netmask 255.0.0.0 {\n  pool { range 10.0.0.1 10.0.0.9; }\n}\n';
    assert.equal(read(pool + hosts), 0, 'a subnet with a pool is left to the full reader');
    assert.equal(read(hosts + pool), hosts.length - 1, 'it stops before the subnet');
    const group = `group {\n  next-server 10.0.0.1;\n${hosts}}\n`;
    assert.equal(read(group), group.length - 1, 'a group of hosts is read whole');
    const second = hosts.replace(
      '  fixed-address 10.0.0.5;\n',
      '  fixed-address 10.0.0.5;\n  hardware ethernet 00:00:00:00:00:01;\n',
    );
    assert.equal(read(second), hosts.indexOf('host pc5 {') - 1, 'a host with a second hardware line is left');
  });

  it('parses plain hosts to the tree the full reader makes', () => {
    const text = `# site\n${Array.from({ length: 300 }, (_, n) => plainHost(n)).join('')}`;
    assertSameParse(text, 'plain hosts');
    const ast = parseDhcpConf(text);
    assert.equal(ast.statements.length, 300);
    assert.equal(ast.issues.length, 0);
    const host = ast.statements[7];
    assert.equal(host.name?.text, 'pc7');
    assert.equal(host.body?.[0].hardware?.mac, '00:16:3e:00:00:07');
    assert.equal(host.body?.[5].values?.[0].text, 'pc7');
    assert.deepEqual(ast.comments, [{ start: 0, end: 6 }]);
  });

  it('reads each line alone in a host, a group and a subnet as the full reader does', () => {
    const host = (line: string): string => `host a {\n  hardware ethernet 00:16:3e:00:00:01;\n  ${line}\n}\n`;
    for (const line of [...BODY_LINES, ...CONTAINER_LINES]) {
      assertSameParse(host(line), `in a host: ${line}`);
      assertSameParse(`group {\n  ${line}\n${host('')}}\n`, `in a group: ${line}`);
      assertSameParse(
        `subnet 10.0.0.0 netmask 255.255.0.0 {\n  ${line}\n${host('')}}\n`,
        `in a subnet: ${line}`,
      );
      assertSameParse(`${line}\n${host('')}`, `alone: ${line}`);
    }
  });

  it('parses 400 generated files of hosts and other statements as the full reader does', () => {
    for (let seed = 1; seed <= 400; seed++) assertSameParse(generated(seed, 30), `seed ${seed}`);
  });

  it('parses 300 broken variants of a file of hosts as the full reader does', () => {
    const base = generated(7, 60);
    const r = prng(23);
    for (let i = 0; i < 300; i++) {
      const text = splice(base, r, 3, deleteOrInsertStep(fuzzFormat('dhcpd-conf').alphabet));
      assertSameParse(text, `variant ${i}`);
    }
  });

  it('parses the bundled examples and fixtures as the full reader does', () => {
    const root = path.join(__dirname, '../../../../../');
    const files = [
      'examples/lab/dom0/etc/dhcp/dhcpd.conf',
      ...fs.readdirSync(path.join(root, 'test/fixtures/dhcp')).map((f) => `test/fixtures/dhcp/${f}`),
    ];
    for (const f of files) assertSameParse(fs.readFileSync(path.join(root, f), 'utf8'), f);
  });

  it('keeps a reparse of quick pieces the same as a full parse', () => {
    const text = Array.from({ length: 400 }, (_, n) => plainHost(n)).join('');
    let current = { text, ast: parseDhcpConf(text) };
    const r = prng(5);
    for (let i = 0; i < 25; i++) {
      const at = below(r, current.text.length);
      const insert = pick(r, ['  option host-name "x";\n', 'host new { }\n', '}', '# c\n', 'subnet ', '"']);
      const next = current.text.slice(0, at) + insert + current.text.slice(at);
      const ast = reparseDhcpConf(next, current);
      assert.equal(everything(ast), everything(parseDhcpConf(next, { quick: false })), `edit ${i} at ${at}`);
      current = { text: next, ast };
    }
  });
});
