import assert from 'node:assert/strict';
import { completeDhcp } from '../../../server/src/features/dhcp/completion';
import { hoverDhcp } from '../../../server/src/features/dhcp/hover';
import { dhcpFoldingSpans, dhcpSymbols } from '../../../server/src/features/dhcp/symbols';
import { dhcpFile, dhcpFindings } from '../helpers/dhcp-site';
import { applyEdits, cursor } from '../helpers/site';

const PREFIX = `option space PXE;
option PXE.mtftp-ip code 1 = ip-address;
option option-150 code 150 = text;
subnet 192.168.0.0 netmask 255.255.255.0 {
  range 192.168.0.100 192.168.0.199;
}
`;

function hoverAt(marked: string): string {
  const { text, offset } = cursor(marked);
  return hoverDhcp(dhcpFile('dhcpd.conf', text), offset)?.markdown ?? '';
}

function labels(marked: string): string[] {
  const { text, offset } = cursor(marked);
  return completeDhcp(dhcpFile('dhcpd.conf', text), offset).map((c) => c.label);
}

/** Applies the fix titled `title` of the first finding of `ruleId` and returns the new text. */
function applyFix(text: string, ruleId: string, title: string): string {
  const file = dhcpFile('dhcpd.conf', text);
  const finding = dhcpFindings([file]).find((f) => f.ruleId === ruleId);
  assert.ok(finding, `no ${ruleId} finding`);
  const fix = finding.fixes?.find((x) => x.title === title);
  assert.ok(fix, `no fix '${title}' (have: ${finding.fixes?.map((x) => x.title).join(', ')})`);
  return applyEdits(text, fix.edits);
}

describe('hover in dhcpd.conf', () => {
  it('documents a standard option with its code and type', () => {
    const md = hoverAt(`${PREFIX}option root-p<|>ath "192.168.0.1:/srv/nfsroot/a";\n`);
    assert.match(md, /\*\*option root-path\*\* \(DHCP option 17\)/);
    assert.match(md, /type: text/);
    assert.match(md, /dhcp-options\(5\)/);
  });

  it('documents a user-declared option with its code and declared type', () => {
    assert.match(
      hoverAt(`${PREFIX}option option-1<|>50 "/grub/a.conf";\n`),
      /declared in this file: code 150[\s\S]*`text`/,
    );
    assert.match(hoverAt(`${PREFIX}option PXE.mtftp<|>-ip 0.0.0.0;\n`), /code 1[\s\S]*`ip-address`/);
  });

  it('documents server parameters and declarations', () => {
    assert.match(
      hoverAt(`${PREFIX}next-ser<|>ver 192.168.0.1;\n`),
      /\*\*next-server\*\* \(dhcpd parameter\)[\s\S]*0\.0\.0\.0/,
    );
    assert.match(hoverAt(`${PREFIX}sub<|>net 10.0.0.0 netmask 255.0.0.0 { }\n`), /\*\*subnet\*\*/);
  });

  it('says which subnet and range an address falls in', () => {
    const md = hoverAt(`${PREFIX}host a { fixed-address 192.168.0.1<|>50; }\n`);
    assert.match(md, /in subnet 192\.168\.0\.0\/24/);
    assert.match(md, /inside the dynamic range 192\.168\.0\.100–192\.168\.0\.199/);
    assert.match(md, /fixed address of host `a`/);
  });
});

describe('completion in dhcpd.conf', () => {
  it('offers statement keywords and parameters at the start of a statement', () => {
    const got = labels(`${PREFIX}next<|>`);
    for (const k of ['next-server', 'filename', 'host', 'subnet', 'option', 'range', 'authoritative'])
      assert.ok(got.includes(k), k);
  });

  it('offers standard and declared option names after option', () => {
    const got = labels(`${PREFIX}host a { option ro<|> }`);
    for (const k of ['root-path', 'routers', 'option-150', 'PXE.mtftp-ip', 'space'])
      assert.ok(got.includes(k), k);
    assert.ok(!got.includes('next-server'));
  });

  it('offers declared option spaces after vendor-option-space', () => {
    assert.deepEqual(labels(`${PREFIX}vendor-option-space <|>`), ['PXE']);
  });
});

describe('quick fixes in dhcpd.conf', () => {
  it('renames a misspelt option, keyword and lone word to the nearest known one', () => {
    assert.equal(
      applyFix('option rooters 10.0.0.1;\n', 'dhcp/undeclared-option', "Rename to 'routers'"),
      'option routers 10.0.0.1;\n',
    );
    assert.equal(applyFix('hots a { }\n', 'dhcp/syntax', "Rename to 'host'"), 'host a { }\n');
    assert.equal(
      applyFix('authoritativ;\n', 'dhcp/unknown-statement', "Rename to 'authoritative'"),
      'authoritative;\n',
    );
  });

  it('inserts a missing semicolon', () => {
    const text = 'host a {\n  hardware ethernet 00:16:3e:00:00:01\n  fixed-address 10.0.0.1;\n}\n';
    assert.equal(applyFix(text, 'dhcp/syntax', "Insert ';'"), text.replace(':01\n', ':01;\n'));
  });

  it("declares an undeclared option-N as text, as the seed's how-to does", () => {
    const text = 'host a { option option-150 "/grub/a.conf"; }\n';
    assert.equal(
      applyFix(text, 'dhcp/undeclared-option', "Declare 'option-150' (code 150) as text"),
      `option option-150 code 150 = text;\n${text}`,
    );
  });
});

describe('document symbols and folding in dhcpd.conf', () => {
  it('nests hosts inside groups, subnets inside shared-networks', () => {
    const file = dhcpFile(
      'dhcpd.conf',
      'shared-network lab {\n  subnet 10.0.0.0 netmask 255.0.0.0 {\n    pool { range 10.0.0.5; }\n  }\n}\ngroup {\n  host a { hardware ethernet 00:16:3e:00:00:01; fixed-address 10.0.0.1; }\n}\n',
    );
    const outline = dhcpSymbols(file).map((s) => [
      s.name,
      s.children.map((c) => [c.name, c.detail, c.children.map((g) => g.name)]),
    ]);
    assert.deepEqual(outline, [
      ['shared-network lab', [['subnet 10.0.0.0 netmask 255.0.0.0', '', ['pool']]]],
      ['group', [['host a', '00:16:3e:00:00:01 → 10.0.0.1', []]]],
    ]);
    assert.equal(dhcpFoldingSpans(file).length, 3);
  });
});
