import assert from 'node:assert/strict';
import { parseIpv4 } from '../../../../server/src/core/ipv4';
import {
  bootAnswer,
  buildDhcpModel,
  hostsByMac,
  rangesContaining,
  subnetOf,
} from '../../../../server/src/formats/dhcp/model';
import { parseDhcpConf } from '../../../../server/src/formats/dhcp/parser';

const SITE = `
next-server 10.0.0.254;
filename "global.0";
option root-path "10.0.0.254:/srv/global";
option option-150 code 150 = text;
shared-network lab {
  option root-path "10.0.0.253:/srv/lab";
  subnet 10.0.0.0 netmask 255.255.255.0 {
    next-server 10.0.0.1;
    pool {
      filename "pool.0";
      range 10.0.0.100 10.0.0.199;
    }
    range 10.0.0.200 10.0.0.210;
  }
}
subnet 10.1.0.0 netmask 255.255.0.0 { }
group {
  filename "pxelinux.0";
  option option-150 "/grub/menu.lst";
  host web1 {
    hardware ethernet 00:16:3E:0:0:1;
    fixed-address 10.0.0.10;
    option root-path "10.0.0.1:/srv/nfsroot/web1";
  }
}
host other { hardware ethernet 00:16:3e:00:00:02; fixed-address 10.1.2.3; }
`;

const model = buildDhcpModel(parseDhcpConf(SITE));
const ip = (s: string): number => parseIpv4(s) as number;

describe('dhcpd.conf model', () => {
  it('finds a host by MAC, normalised (upper case, one-digit octets)', () => {
    assert.deepEqual(
      hostsByMac(model, '00:16:3e:00:00:01').map((h) => h.name.text),
      ['web1'],
    );
    assert.equal(hostsByMac(model, '00:16:3e:00:00:09').length, 0);
  });

  it('finds the subnet and the dynamic ranges of an address', () => {
    assert.equal(subnetOf(model, ip('10.0.0.150'))?.statement.words[0].text, '10.0.0.0');
    assert.equal(subnetOf(model, ip('10.1.9.9'))?.prefix, 16);
    assert.equal(subnetOf(model, ip('192.168.0.1')), undefined);
    assert.deepEqual(
      rangesContaining(model, ip('10.0.0.205')).map((r) => r.high),
      [ip('10.0.0.210')],
    );
    assert.equal(rangesContaining(model, ip('10.0.0.10')).length, 0);
    assert.equal(model.subnets.find((s) => s.network === ip('10.0.0.0'))?.ranges.length, 2);
  });

  it("gives a host its own values, then its group's, then its subnet's, then the global ones", () => {
    const a = bootAnswer(model, { mac: '00:16:3e:00:00:01' });
    assert.equal(a.host?.name.text, 'web1');
    assert.equal(a.rootPath?.values[0].text, '10.0.0.1:/srv/nfsroot/web1');
    assert.equal(a.filename?.values[0].text, 'pxelinux.0');
    assert.equal(a.value('option option-150')?.values[0].text, '/grub/menu.lst');
    assert.equal(a.nextServer?.values[0].text, '10.0.0.1');
    assert.equal(a.subnet?.network, ip('10.0.0.0'));
  });

  it('gives a dynamic address the values of its pool, subnet, shared-network and the global scope', () => {
    const a = bootAnswer(model, { address: ip('10.0.0.120') });
    assert.equal(a.host, undefined);
    assert.equal(a.filename?.values[0].text, 'pool.0');
    assert.equal(a.nextServer?.values[0].text, '10.0.0.1');
    assert.equal(a.rootPath?.values[0].text, '10.0.0.253:/srv/lab');
    assert.equal(a.ranges.length, 1);
  });

  it('falls back to the global scope for a host outside the declared scopes', () => {
    const a = bootAnswer(model, { mac: '00:16:3e:00:00:02' });
    assert.equal(a.nextServer?.values[0].text, '10.0.0.254');
    assert.equal(a.filename?.values[0].text, 'global.0');
    assert.equal(a.rootPath?.values[0].text, '10.0.0.254:/srv/global');
  });
});
