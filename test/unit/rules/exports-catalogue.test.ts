import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXPORT_OPTIONS } from '../../../server/src/formats/exports/options';
import { EXPORTS_RULES } from '../../../server/src/rules/exports/catalogue';
import { SEED_000_EXPORT, SEED_001_EXPORTS } from '../../oracle/exports/corpus';
import { exportsSite } from '../helpers/exports-site';

const ROOT = path.join(__dirname, '../../../..');
const DOCS = path.join(ROOT, 'docs/rules');

/** Every keyword nfs-utils 2.6 exportfs accepts (support/nfs/exports.c `parseopts`). */
const PARSEOPTS = [
  'ro',
  'rw',
  'secure',
  'insecure',
  'sync',
  'async',
  'nordirplus',
  'security_label',
  'nohide',
  'hide',
  'crossmnt',
  'nocrossmnt',
  'wdelay',
  'no_wdelay',
  'root_squash',
  'no_root_squash',
  'all_squash',
  'no_all_squash',
  'subtree_check',
  'no_subtree_check',
  'auth_nlm',
  'no_auth_nlm',
  'secure_locks',
  'insecure_locks',
  'acl',
  'no_acl',
  'pnfs',
  'no_pnfs',
  'anonuid',
  'anongid',
  'squash_uids',
  'squash_gids',
  'fsid',
  'mountpoint',
  'mp',
  'refer',
  'replicas',
  'sec',
];

describe('exports rule catalogue and option table', () => {
  it('has every exports/* rule of RULES.md, namespaced and unique', () => {
    const ids = EXPORTS_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    const rules = fs.readFileSync(path.join(ROOT, '..', 'shared', 'RULES.md'), 'utf8');
    for (const m of rules.matchAll(/`(exports\/[a-z-]+)` \|? ?(E|W|I)?/g)) {
      const rule = EXPORTS_RULES.find((r) => r.id === m[1]);
      assert.ok(rule, `${m[1]} missing`);
      if (m[2]) assert.equal(rule.severity, { E: 'error', W: 'warning', I: 'information' }[m[2]], m[1]);
    }
  });

  for (const rule of EXPORTS_RULES) {
    it(`${rule.id} has a documentation page with its default severity, and an index row`, () => {
      const page = fs.readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8');
      assert.match(page, new RegExp(`^# ${rule.id}\\n`));
      assert.match(page, new RegExp(`Default severity: \\*\\*${rule.severity}\\*\\*`));
      for (const section of ['What it finds', 'Why it matters', 'Example', 'How to fix', 'Configuration']) {
        assert.match(page, new RegExp(`## ${section}`), `${rule.id}: no section ${section}`);
      }
      assert.ok(fs.readFileSync(path.join(DOCS, 'README.md'), 'utf8').includes(`(${rule.id}.md)`));
    });
  }

  it('every finding the checks produce names a catalogued rule', () => {
    const site = exportsSite(
      `=== etc/exports\n/srv/a h (rw,no_root_squash,bogus,anonuid=x\nrel *(ro,rw,fsid=0) 1.2.3.4/40\n/x *(fsid=0)\n/x *(fsid=0)\n`,
    );
    const ids = new Set(EXPORTS_RULES.map((r) => r.id));
    for (const f of site.findings) assert.ok(ids.has(f.ruleId), f.ruleId);
  });

  it('the option table has exactly the keywords exportfs accepts, each documented with a source', () => {
    assert.deepEqual(EXPORT_OPTIONS.map((o) => o.name).sort(), [...PARSEOPTS].sort());
    for (const o of EXPORT_OPTIONS) assert.ok(o.doc.length > 10 && o.source.length > 0, o.name);
  });

  it("the seeds' export lines in the corpus are verbatim", () => {
    const seeds = path.join(ROOT, '..', 'shared', 'seeds');
    const text = (prefix: string): string => {
      const name = fs.readdirSync(seeds).find((f) => f.startsWith(prefix));
      assert.ok(name, `no ${prefix}*.txt`);
      return fs.readFileSync(path.join(seeds, name), 'utf8');
    };
    assert.ok(text('000_').split('\n').includes(SEED_000_EXPORT));
    for (const line of SEED_001_EXPORTS) assert.ok(text('001_').split('\n').includes(line));
  });
});
