import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * Every `{ start, end }` object literal of the program shares one V8 hidden class. If any code makes one
 * whose offsets are not small integers (a Chevrotain grammar recorded with NaN-offset tokens, an `Infinity`
 * end), V8 turns that class's fields into boxed doubles: every span of every tree then costs 32 bytes more
 * and is migrated, slowly, the first time it is touched (a dhcpd.conf of 20,000 hosts has 560,000 spans).
 * A child process with V8's natives syntax checks, after loading and checking the example site and every
 * parser, that a span made now still has the class a span made before loading anything had.
 */

const ROOT = path.join(__dirname, '../../../..');
const OUT = path.join(ROOT, 'out/server/src');

const SCRIPT = `
const before = { start: 1, end: 2 };
const { loadSite } = require(${JSON.stringify(path.join(OUT, 'node/site'))});
const site = loadSite([${JSON.stringify(path.join(ROOT, 'examples/lab'))}], undefined, {});
const findings = [...site.workspace.check().values()].flat();
const after = { start: 1, end: 2 };
process.stdout.write(JSON.stringify({ files: site.workspace.allFiles().length, findings: findings.length, same: %HaveSameMap(before, after) }));
`;

describe('span objects', () => {
  it('keep small-integer offsets after every format of the example site is parsed and checked', function () {
    this.timeout(60_000);
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '-e', SCRIPT], {
      encoding: 'utf8',
    });
    const result = JSON.parse(out) as { files: number; findings: number; same: boolean };
    assert.ok(result.files >= 10 && result.findings > 0, out);
    assert.equal(result.same, true, 'a span with a non-integer offset was made: every span is now boxed');
  });
});
