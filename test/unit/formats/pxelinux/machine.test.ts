import assert from 'node:assert/strict';
import { describeMachine, machineOfPxelinuxName } from '../../../../server/src/formats/pxelinux/machine';

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
});
