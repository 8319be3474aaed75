import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildKconfigModel, nfsRootRequirements } from '../../../server/src/formats/kconfig/model';
import type { NfsRootOptions } from '../../../server/src/formats/kconfig/model';
import { parseKconfig } from '../../../server/src/formats/kconfig/parser';

/**
 * The NFS-root dependency model against Linux 6.1's own Kconfig: the group of settings that
 * `nfsRootRequirements` says to write is applied to Debian's stock config, `make olddefconfig` runs in a
 * scratch copy of the kernel tree (Debian's linux-source-6.1, only its Kconfig files and scripts/), and every
 * symbol of the group must come out as y. The other way round, ROOT_NFS=y alone must not survive NFS_FS=m,
 * as kconfig/unmet-dependency says.
 */

function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

const TARBALL = '/usr/src/linux-source-6.1.tar.xz';
const NOT_INSTALLED =
  'Linux 6.1 Kconfig oracle not installed: apt-get install linux-source-6.1 flex bison gcc make (scripts/setup-tests.sh)';
const SKIP_ENV = 'XEN_NFS_BOOT_SKIP_ORACLES';
const TOP = 'linux-source-6.1';

function stockConfig(): string {
  const gz = join(projectRoot(), 'test/fixtures/kconfig-debian/config-6.1.192-amd64.gz');
  return gunzipSync(readFileSync(gz)).toString('utf8');
}

function oracleProblem(): string | undefined {
  if (!existsSync(TARBALL)) return `${TARBALL} is missing`;
  for (const tool of ['gcc', 'make', 'flex', 'bison', 'tar', 'xz']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is missing`;
  }
  return undefined;
}

/** Writes `text` as .config, runs `make olddefconfig`, and returns the symbols' values afterwards. */
function olddefconfig(tree: string, text: string): Map<string, string> {
  writeFileSync(join(tree, '.config'), text);
  execFileSync('make', ['-s', 'olddefconfig'], { cwd: tree, stdio: 'pipe', timeout: 120_000 });
  const values = new Map<string, string>();
  for (const line of readFileSync(join(tree, '.config'), 'utf8').split('\n')) {
    const m = /^CONFIG_([A-Za-z0-9_]+)=(.*)$/.exec(line);
    if (m) values.set(m[1], m[2]);
  }
  return values;
}

function applyEdits(
  text: string,
  edits: readonly { span: { start: number; end: number }; newText: string }[],
): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start))
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

const CASES: readonly { readonly name: string; readonly options: NfsRootOptions }[] = [
  { name: 'a domU with ip=dhcp', options: { domU: true, protocol: 'dhcp' } },
  {
    name: 'a dom0 with ip=bootp and vers=4.2',
    options: { domU: false, protocol: 'bootp', nfsVersion: '4.2' },
  },
  { name: 'a domU with ip=rarp and vers=2', options: { domU: true, protocol: 'rarp', nfsVersion: '2' } },
  { name: 'a static address and vers=4.1', options: { domU: false, nfsVersion: '4.1' } },
];

describe('kconfig dependency model against Linux 6.1 Kconfig (make olddefconfig)', function () {
  this.timeout(180_000);
  let dir = '';
  let tree = '';
  const stock = stockConfig();
  const config = { text: stock, model: buildKconfigModel(parseKconfig(stock)) };

  before(function () {
    const problem = oracleProblem();
    if (problem) {
      if (process.env[SKIP_ENV] === '1') {
        console.log(`\n  SKIPPED: ${NOT_INSTALLED} (${problem}); ${SKIP_ENV}=1 is set\n`);
        this.skip();
      }
      throw new Error(`${NOT_INSTALLED} (${problem})`);
    }
    dir = mkdtempSync(join(tmpdir(), 'kconfig-oracle-'));
    const members = ['*/Kconfig*', `${TOP}/scripts/*`, `${TOP}/Makefile`, `${TOP}/arch/x86/Makefile*`];
    execFileSync('tar', ['-xJf', TARBALL, '-C', dir, '--wildcards', ...members], { stdio: 'pipe' });
    tree = join(dir, TOP);
    // The stock config comes back unchanged in what matters: the oracle itself works.
    const values = olddefconfig(tree, stock);
    assert.equal(values.get('NFS_FS'), 'm');
    assert.equal(values.get('ROOT_NFS'), undefined);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`${c.name}: the whole group survives as y`, () => {
      const r = nfsRootRequirements(config, c.options);
      assert.ok(r.settings.length > 0);
      assert.deepEqual(r.unresolved, []);
      const values = olddefconfig(tree, applyEdits(stock, r.edits));
      const lost = r.settings
        .filter((s) => values.get(s.symbol) !== 'y')
        .map((s) => `${s.symbol}=${values.get(s.symbol) ?? '(none)'}`);
      assert.deepEqual(lost, []);
    });
  }

  it('each problem’s own group survives on its own (a quick fix for one diagnostic)', () => {
    const r = nfsRootRequirements(config, { domU: true, protocol: 'dhcp' });
    for (const p of r.problems) {
      const values = olddefconfig(tree, applyEdits(stock, p.edits));
      const lost = p.settings.filter((s) => values.get(s.symbol) !== 'y').map((s) => s.symbol);
      assert.deepEqual(lost, [], p.symbol);
    }
  });

  it('ROOT_NFS=y alone does not survive NFS_FS=m (kconfig/unmet-dependency)', () => {
    const values = olddefconfig(tree, `${stock}CONFIG_IP_PNP=y\nCONFIG_ROOT_NFS=y\n`);
    assert.equal(values.get('IP_PNP'), 'y');
    assert.notEqual(values.get('ROOT_NFS'), 'y');
  });
});
