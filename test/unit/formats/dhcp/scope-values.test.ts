import assert from 'node:assert/strict';
import type { DhcpStatement } from '../../../../server/src/formats/dhcp/ast';
import { parseDhcpConf } from '../../../../server/src/formats/dhcp/parser';
import { ScopeValues } from '../../../../server/src/formats/dhcp/scope-values';
import { prng } from '../../../fuzz/prng';

/** A scope's values (formats/dhcp/scope-values.ts) read like a `Map` filled in the body's order. */
describe('dhcpd.conf scope values', () => {
  const statements = parseDhcpConf(
    'next-server 10.0.0.1;\nfilename "a";\noption root-path "r";\nfilename "b";\nnext-server 10.0.0.2;\n',
  ).statements;

  it('keep a key at its first place with its last value, like a Map (2,000 random bodies)', () => {
    const r = prng(41);
    const keys = ['next-server', 'filename', 'option root-path', 'option host-name'];
    for (let n = 0; n < 2000; n++) {
      const values = new ScopeValues();
      const map = new Map<string, DhcpStatement>();
      for (let i = Math.floor(r() * 8); i > 0; i--) {
        const key = keys[Math.floor(r() * keys.length)];
        const statement = statements[Math.floor(r() * statements.length)];
        values.put(key, statement);
        map.set(key, statement);
      }
      assert.equal(values.size, map.size);
      assert.deepEqual([...values.keys()], [...map.keys()]);
      assert.deepEqual(
        [...values].map(([k, v]) => [k, v.key, v.statement]),
        [...map].map(([k, s]) => [k, k, s]),
      );
      for (const key of keys) {
        assert.equal(values.has(key), map.has(key));
        assert.equal(values.get(key)?.statement, map.get(key));
      }
    }
  });

  it('read a value from its statement when asked for', () => {
    const values = new ScopeValues();
    values.put('filename', statements[1]);
    values.put('filename', statements[3]);
    assert.deepEqual(
      values.get('filename')?.values.map((w) => w.text),
      ['b'],
    );
    const seen: string[] = [];
    values.forEach((v, k) => seen.push(`${k}=${v.values[0]?.text}`));
    assert.deepEqual(seen, ['filename=b']);
    assert.deepEqual(
      [...values.values()].map((v) => v.key),
      ['filename'],
    );
  });
});
