import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { KCONFIG_RULES } from '../../../server/src/rules/kconfig/catalogue';
import {
  FIXTURES,
  applyKconfigEdits,
  debianStockConfig,
  kconfigSite,
  renderKconfigFindings,
} from '../helpers/kconfig-site';

const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, 'kconfig', name), 'utf8');

describe('kconfig rules', () => {
  it('every rule has a page under docs/rules/kconfig and a row in the index', () => {
    const docs = path.join(FIXTURES, '../../docs/rules');
    const rows = fs.readFileSync(path.join(docs, 'README.md'), 'utf8');
    for (const r of KCONFIG_RULES) {
      const page = fs.readFileSync(path.join(docs, `${r.id}.md`), 'utf8');
      assert.match(page, new RegExp(`^# ${r.id}\\n\\nDefault severity: \\*\\*${r.severity}\\*\\*`));
      for (const section of ['What it finds', 'Why it matters', 'Example', 'How to fix', 'Configuration'])
        assert.match(page, new RegExp(`## ${section}`), `${r.id}: ${section}`);
      assert.ok(rows.includes(`(${r.id}.md)`), r.id);
    }
  });

  it('broken.config: every diagnostic with its range, severity and rule', () => {
    const site = kconfigSite(`=== boot/broken.config\n${fixture('broken.config')}`);
    assert.deepEqual(renderKconfigFindings(site), [
      'boot/broken.config:4:1-4:14 warning kconfig/duplicate-symbol',
      'boot/broken.config:4:15-4:18 warning kconfig/invalid-value',
      'boot/broken.config:5:1-5:15 error kconfig/invalid-value',
      'boot/broken.config:6:1-6:20 error kconfig/syntax',
      'boot/broken.config:7:1-7:26 warning kconfig/syntax',
      'boot/broken.config:8:15-8:17 error kconfig/invalid-value',
      'boot/broken.config:9:16-9:30 error kconfig/invalid-value',
      'boot/broken.config:10:25-10:34 error kconfig/invalid-value',
      // The header makes it a whole Linux 6.1 config, where XEN without a line is n.
      'boot/broken.config:11:28-11:29 warning kconfig/unmet-dependency',
      'boot/broken.config:11:30-11:40 warning kconfig/invalid-value',
      'boot/broken.config:12:20-12:21 error kconfig/value-type',
      'boot/broken.config:13:15-13:16 error kconfig/value-type',
      'boot/broken.config:14:1-14:14 error kconfig/syntax',
      'boot/broken.config:15:1-15:12 error kconfig/syntax',
      'boot/broken.config:16:1-16:22 error kconfig/syntax',
      'boot/broken.config:17:1-17:8 error kconfig/syntax',
      'boot/broken.config:18:1-18:14 warning kconfig/duplicate-symbol',
      'boot/broken.config:19:3-19:16 warning kconfig/duplicate-symbol',
      'boot/broken.config:20:12-20:13 error kconfig/invalid-value',
    ]);
  });

  it('says what conf does in its messages', () => {
    const site = kconfigSite('=== a/.config\nCONFIG_ROOT_NFS=m\nCONFIG_NFS_FS=m\nCONFIG_NFS_FS=y\n');
    assert.deepEqual(renderKconfigFindings(site, true), [
      'a/.config:1:17-1:18 error kconfig/value-type: CONFIG_ROOT_NFS is a bool: it cannot be a module (m); conf ignores the line and the symbol keeps its default',
      "a/.config:2:1-2:14 warning kconfig/duplicate-symbol: CONFIG_NFS_FS is set again later, and conf keeps the last line ('CONFIG_NFS_FS=y' on line 3): this line has no effect",
      'a/.config:3:1-3:14 warning kconfig/duplicate-symbol: CONFIG_NFS_FS is also set on line 2: this last line wins',
    ]);
  });

  it('unmet-dependency: ROOT_NFS=y with NFS_FS=m in a Linux 6.1 config; not in fragments or older kernels', () => {
    const body =
      'CONFIG_NET=y\nCONFIG_INET=y\nCONFIG_FILE_LOCKING=y\nCONFIG_MULTIUSER=y\nCONFIG_NETWORK_FILESYSTEMS=y\nCONFIG_IP_PNP=y\nCONFIG_NFS_FS=m\nCONFIG_ROOT_NFS=y\n';
    const site = kconfigSite(
      `=== boot/config-6.1.0-13-amd64\n#\n# Linux/x86 6.1.0 Kernel Configuration\n#\n${body}` +
        `=== old/config-2.6.20\n#\n# Linux kernel version: 2.6.20\n#\n${body}` +
        `=== frag/nfs.config\n${body}`,
    );
    assert.deepEqual(renderKconfigFindings(site, true), [
      'boot/config-6.1.0-13-amd64:11:17-11:18 warning kconfig/unmet-dependency: CONFIG_ROOT_NFS=y will be n: it depends on NETWORK_FILESYSTEMS && NFS_FS=y && IP_PNP (fs/nfs/Kconfig), and CONFIG_NFS_FS is m',
    ]);
    const finding = site.findings[0];
    assert.deepEqual(
      finding.fixes?.map((f) => f.title),
      [
        // In a whole config, what NFS_FS selects and the file lacks is set too, as conf would write it.
        'Set what CONFIG_ROOT_NFS depends on: CONFIG_NFS_FS=y, CONFIG_LOCKD=y, CONFIG_SUNRPC=y, CONFIG_NFS_COMMON=y',
        'Turn it off: # CONFIG_ROOT_NFS is not set',
      ],
    );
    const text = site.files[0].file.text;
    assert.match(
      applyKconfigEdits(text, finding.fixes?.[0].edits ?? []),
      /\nCONFIG_NFS_FS=y\nCONFIG_ROOT_NFS=y\nCONFIG_LOCKD=y\nCONFIG_NFS_COMMON=y\nCONFIG_SUNRPC=y\n$/,
    );
  });

  it('unmet-dependency: several in one config come in the order of their lines, not of the symbol table', () => {
    // IP_PNP_DHCP comes before ROOT_NFS in the table (symbols.ts); the file sets ROOT_NFS first.
    const site = kconfigSite(
      '=== boot/config-6.1.0-13-amd64\n#\n# Linux/x86 6.1.0 Kernel Configuration\n#\n' +
        'CONFIG_NET=y\nCONFIG_INET=y\nCONFIG_FILE_LOCKING=y\nCONFIG_MULTIUSER=y\nCONFIG_NETWORK_FILESYSTEMS=y\n' +
        'CONFIG_NFS_FS=m\nCONFIG_ROOT_NFS=y\n# CONFIG_IP_PNP is not set\nCONFIG_IP_PNP_DHCP=y\nCONFIG_ROOT_NFS=y\n',
    );
    assert.deepEqual(
      site.findings.map((f) => [f.ruleId, f.message.slice(0, 32)]),
      [
        ['kconfig/duplicate-symbol', 'CONFIG_ROOT_NFS is set again lat'],
        ['kconfig/duplicate-symbol', 'CONFIG_ROOT_NFS is also set on l'],
        ['kconfig/unmet-dependency', 'CONFIG_ROOT_NFS=y will be n: it '],
        ['kconfig/unmet-dependency', 'CONFIG_IP_PNP_DHCP=y will be n: '],
      ],
    );
  });

  it("the seed 001 kernel option list: only the how-to's '[...]' elisions are errors", () => {
    const site = kconfigSite(`=== seed/kernel.config\n${fixture('seed-001.config')}`);
    const found = renderKconfigFindings(site);
    assert.ok(found.length > 0);
    for (const f of found) assert.match(f, /error kconfig\/syntax$/);
    for (const f of site.findings)
      assert.equal(site.files[0].file.text.slice(f.span.start, f.span.end), '[...]');
  });

  it("Debian 12's stock kernel config (linux-config-6.1, amd64) has no finding at all", () => {
    const site = kconfigSite(`=== boot/config-6.1.0-28-amd64\n${debianStockConfig()}`);
    assert.deepEqual(renderKconfigFindings(site), []);
  });

  it('every stock config of the installed linux-config-6.1 package has no finding (skips when it is not installed)', function () {
    const dir = '/usr/src/linux-config-6.1';
    if (!fs.existsSync(dir)) {
      console.warn(
        '      (linux-config-6.1 is not installed: apt-get install linux-config-6.1 to run this test)',
      );
      this.skip();
    }
    const configs = fs.readdirSync(dir).filter((f) => f.endsWith('.xz'));
    assert.ok(configs.length > 0, `no configs in ${dir}`);
    for (const name of configs) {
      const text = execFileSync('xz', ['-dc', path.join(dir, name)], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      const site = kconfigSite(`=== boot/config-6.1-${name.replace(/\.xz$/, '')}\n${text}`);
      assert.deepEqual(renderKconfigFindings(site, true), [], name);
    }
  });
});
