import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../server/src/rules/catalogue';

const DOCS = path.join(__dirname, '../../../../docs/rules');

describe('rule catalogue', () => {
  it('has unique, namespaced IDs', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+\/[a-z0-9-]+$/);
  });

  for (const rule of RULES) {
    it(`${rule.id} has a documentation page with its default severity, listed in the index`, () => {
      const page = fs.readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8');
      assert.match(page, new RegExp(`^# ${rule.id}\\n`));
      assert.match(page, new RegExp(`Default severity: \\*\\*${rule.severity}\\*\\*`));
      for (const section of ['What it finds', 'Why it matters', 'Example', 'How to fix', 'Configuration']) {
        assert.match(page, new RegExp(`## ${section}`), `${rule.id}: no section ${section}`);
      }
      assert.ok(fs.readFileSync(path.join(DOCS, 'README.md'), 'utf8').includes(`(${rule.id}.md)`));
    });
  }
});
