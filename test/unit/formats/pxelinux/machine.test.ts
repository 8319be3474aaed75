import assert from 'node:assert/strict';
import {
  describeMachine,
  machineByPatterns,
  machineOfPxelinuxName,
} from '../../../../server/src/formats/pxelinux/machine';
import { prng } from '../../../fuzz/prng';

describe('what a pxelinux.cfg file name says about the machine', () => {
  it('01-<mac> is one MAC address', () => {
    assert.deepEqual(machineOfPxelinuxName('01-aa-bb-cc-dd-ee-ff'), {
      kind: 'mac',
      mac: 'aa:bb:cc:dd:ee:ff',
    });
  });

  it('a full hex IP is one address, a shorter prefix a range', () => {
    assert.deepEqual(machineOfPxelinuxName('C0A80201'), {
      kind: 'ip',
      hex: 'C0A80201',
      first: '192.168.2.1',
      last: '192.168.2.1',
      prefix: 32,
    });
    assert.deepEqual(machineOfPxelinuxName('C0A802'), {
      kind: 'ip',
      hex: 'C0A802',
      first: '192.168.2.0',
      last: '192.168.2.255',
      prefix: 24,
    });
    assert.deepEqual(machineOfPxelinuxName('C0A8020'), {
      kind: 'ip',
      hex: 'C0A8020',
      first: '192.168.2.0',
      last: '192.168.2.15',
      prefix: 28,
    });
    assert.match(describeMachine(machineOfPxelinuxName('C')), /192\.0\.0\.0 to 207\.255\.255\.255/);
  });

  it('default, UUIDs, and names that are no MAC', () => {
    assert.deepEqual(machineOfPxelinuxName('default'), { kind: 'default' });
    assert.equal(machineOfPxelinuxName('b8945908-d6a6-41a9-611d-74a6ab80b83d').kind, 'uuid');
    assert.equal(machineOfPxelinuxName('01-aa-bb-cc-dd-ee').kind, 'bad-mac');
    assert.equal(machineOfPxelinuxName('01-AA-BB-CC-DD-EE-FF').kind, 'bad-mac');
    assert.equal(machineOfPxelinuxName('aa:bb:cc:dd:ee:ff').kind, 'bad-mac');
    assert.equal(machineOfPxelinuxName('c0a80201').kind, 'other');
  });

  it('reads 10,000 names near `01-<mac>` as the patterns do (the MAC names are read by character codes)', () => {
    const rnd = prng(1127);
    const pieces = ['0', '1', '9', 'a', 'f', 'A', 'F', 'g', '-', ':', '01-', '00-16-3e'];
    let macs = 0;
    for (let i = 0; i < 10000; i++) {
      let name = '01-00-16-3e-2a-01-02';
      const at = Math.floor(rnd() * 21);
      const piece = pieces[Math.floor(rnd() * pieces.length)];
      const cut = Math.floor(rnd() * 3);
      if (i % 5 > 0) name = name.slice(0, at) + piece + name.slice(at + cut);
      const want = machineByPatterns(name);
      if (want.kind === 'mac') macs++;
      assert.deepEqual(machineOfPxelinuxName(name), want, name);
    }
    assert.ok(macs > 2000, `only ${macs} MAC names`);
  });
});
