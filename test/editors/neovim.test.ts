// Neovim (Debian 12's 0.7.2, built-in LSP client) against the stdio language server: the user's config
// editors/neovim/xen-nfs-boot.lua opens the fixture site; test/editors/nvim-probe.lua records what Neovim
// got. Needs `nvim` on PATH (npm run setup-tests installs Debian's neovim) and a built dist/server.js.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO = path.join(__dirname, '../../..');
const SITE = path.join(REPO, 'test/fixtures/editors/site');

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Published {
  range: LspRange;
  severity: number;
  code: string;
  source: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: LspRange }; message: string }[];
}
interface Shown {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  code: string;
}
interface ProbeResult {
  nvim: string;
  error?: string;
  clients: number;
  files: Record<'domu1' | 'dhcpd', { uri: string; published: Published[]; shown: Shown[] }>;
  hover?: { contents: { kind: string; value: string }; range: LspRange };
}

const range = (l1: number, c1: number, l2: number, c2: number): LspRange => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

/** Runs headless Neovim on the probe; fails (never skips) when nvim is missing. */
function runNeovim(): ProbeResult {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0)
    assert.fail(
      `nvim is not installed or does not run (${String(version.error ?? version.stderr)}): ` +
        "the editor tests need Debian's neovim package (npm run setup-tests installs it)",
    );
  assert.ok(
    fs.existsSync(path.join(REPO, 'dist/server.js')),
    'dist/server.js is missing: npm run build first',
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-nvim-'));
  const outFile = path.join(dir, 'probe.json');
  const run = spawnSync(
    'nvim',
    ['--headless', '--noplugin', '-n', '-i', 'NONE', '-u', path.join(REPO, 'test/editors/nvim-probe.lua')],
    {
      encoding: 'utf8',
      timeout: 40000,
      // A private XDG home: nothing from the user's Neovim set-up, and the LSP log stays in the temp folder.
      env: {
        ...process.env,
        XNB_REPO: REPO,
        XNB_SITE: SITE,
        XNB_OUT: outFile,
        XDG_CACHE_HOME: dir,
        XDG_STATE_HOME: dir,
      },
    },
  );
  const result = fs.existsSync(outFile)
    ? (JSON.parse(fs.readFileSync(outFile, 'utf8')) as ProbeResult)
    : undefined;
  fs.rmSync(dir, { recursive: true, force: true });
  assert.ok(result, `nvim wrote no result (exit ${run.status}, ${run.error ?? ''}): ${run.stderr}`);
  assert.equal(result.error, undefined, `the Neovim probe failed: ${result.error}`);
  assert.equal(run.status, 0, `nvim exited with ${run.status}: ${run.stderr}`);
  return result;
}

describe('Neovim with the stdio language server (headless)', function () {
  this.timeout(60000);
  let probe: ProbeResult;
  before(() => {
    probe = runNeovim();
  });

  it("runs Debian 12's Neovim with one client for the whole site", () => {
    assert.match(probe.nvim, /^0\.\d+\.\d+$/);
    assert.equal(probe.clients, 1);
  });

  it("receives the domU config's diagnostics with rule IDs, ranges and related information", () => {
    const { published } = probe.files.domu1;
    assert.deepEqual(
      published.map((d) => [d.code, d.severity, d.range]),
      [
        ['kernel/config-not-found', 3, range(2, 9, 2, 39)],
        ['net/ip-mismatch', 1, range(6, 9, 6, 65)],
        ['xen/typographic-quote', 1, range(7, 11, 7, 20)],
      ],
    );
    const mismatch = published.find((d) => d.code === 'net/ip-mismatch');
    assert.equal(mismatch?.source, 'xen-nfs-boot');
    assert.deepEqual(mismatch?.relatedInformation?.[0].location, {
      uri: pathToFileURL(path.join(SITE, 'etc/dhcp/dhcpd.conf')).href,
      range: range(4, 4, 4, 30),
    });
  });

  it('shows them in the buffer at byte columns (the UTF-16 end of ‘restart’ converted by Neovim)', () => {
    assert.deepEqual(
      probe.files.domu1.shown.map((d) => [d.code, d.lnum, d.col, d.end_lnum, d.end_col]),
      [
        ['kernel/config-not-found', 2, 9, 2, 39],
        ['net/ip-mismatch', 6, 9, 6, 65],
        // ‘ and ’ are one UTF-16 unit each but three bytes in the buffer: 20 + 2 × 2.
        ['xen/typographic-quote', 7, 11, 7, 24],
      ],
    );
  });

  it('receives the dhcpd.conf diagnostic in its own buffer', () => {
    assert.deepEqual(
      probe.files.dhcpd.published.map((d) => [d.code, d.range, d.message]),
      [
        [
          'dhcp/syntax',
          range(6, 4, 6, 11),
          "'filname' is not a dhcpd.conf statement or declaration: did you mean 'filename'?",
        ],
      ],
    );
    assert.deepEqual(
      probe.files.dhcpd.shown.map((d) => [d.code, d.lnum, d.col]),
      [['dhcp/syntax', 6, 4]],
    );
  });

  it('loads the same Lua config as the README documents', () => {
    const lua = fs.readFileSync(path.join(REPO, 'editors/neovim/xen-nfs-boot.lua'), 'utf8');
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    assert.ok(
      readme.includes(`\`\`\`lua\n${lua}\`\`\``),
      'README.md must quote editors/neovim/xen-nfs-boot.lua verbatim',
    );
  });

  it('gets the hover on `kernel` with the effective command line', () => {
    const hover = probe.hover;
    assert.ok(hover, 'no hover');
    assert.equal(hover.contents.kind, 'markdown');
    assert.deepEqual(hover.range, range(2, 0, 2, 6));
    assert.match(hover.contents.value, /^\*\*kernel\*\* \(Xen domain config\)/);
    assert.ok(
      hover.contents.value.includes(
        '`root=/dev/nfs ip=192.168.2.3::192.168.2.1:255.255.255.0:domu1:eth0:off nfsroot=192.168.2.1:/srv/nfs/domu1`',
      ),
      hover.contents.value,
    );
  });
});
