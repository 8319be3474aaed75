import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runCli } from '../../../server/src/cli/main';

// The CLI's SARIF checked against the SARIF 2.1.0 JSON schema (test/fixtures/sarif/README.md says where
// the schema comes from and why these validator options).
const REPO = path.join(__dirname, '../../../..');
const SCHEMA = path.join(REPO, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json');

function validator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object);
}

function sarifOf(cwd: string, args: string[]): unknown {
  let out = '';
  runCli(['check', ...args, '--format', 'sarif'], { cwd, out: (s) => (out += s), err: () => undefined });
  return JSON.parse(out) as unknown;
}

function assertValid(validate: ValidateFunction, log: unknown): void {
  const ok = validate(log);
  const errors = (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message}`);
  assert.ok(ok, `SARIF rejected by the schema:\n${errors.join('\n')}`);
}

interface SarifLog {
  runs: {
    results: {
      ruleId: string;
      ruleIndex?: number;
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      relatedLocations: unknown[];
    }[];
  }[];
}

describe('xen-nfs-boot check --format sarif against the SARIF 2.1.0 schema', () => {
  let validate: ValidateFunction;
  before(() => {
    validate = validator();
  });

  it('accepts the example lab (results, rules, related locations)', () => {
    const log = sarifOf(REPO, ['examples/lab']) as SarifLog;
    assert.ok(log.runs[0].results.length > 20);
    assert.ok(log.runs[0].results.some((r) => r.relatedLocations.length > 0));
    assertValid(validate, log);
  });

  it('accepts a run without results, and one with rule overrides', () => {
    const site = path.join(REPO, 'test/fixtures/cli/warnings-only');
    assertValid(
      validate,
      sarifOf(site, ['--rule', 'nfs/root-squash=off', '--rule', 'dhcp/unknown-statement=off']),
    );
    assertValid(validate, sarifOf(site, ['--rule', 'dhcp/unknown-statement=error']));
  });

  it('percent-encodes file names into URI references (a space, a non-ASCII letter)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-sarif-'));
    try {
      fs.mkdirSync(path.join(dir, 'etc/xen'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'etc/xen/my domü.cfg'), 'name = "domu"\nmemory = 256\nextra = ‘x’\n');
      const log = sarifOf(dir, ['.']) as SarifLog;
      const uris = log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
      assert.ok(uris.includes('etc/xen/my%20dom%C3%BC.cfg'), uris.join(', '));
      assertValid(validate, log);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is a schema that can fail: it rejects a region at line 0 and an unknown result property', () => {
    const log = sarifOf(REPO, ['examples/lab']) as SarifLog & Record<string, unknown>;
    const broken = structuredClone(log);
    const result = broken.runs[0].results[0] as unknown as Record<string, unknown>;
    result.severity = 'error';
    assert.equal(validate(broken), false);
    const zero = structuredClone(log);
    const region = (
      zero.runs[0].results[0].locations[0].physicalLocation as unknown as { region: { startLine: number } }
    ).region;
    region.startLine = 0;
    assert.equal(validate(zero), false);
  });
});
