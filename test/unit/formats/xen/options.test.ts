import assert from 'node:assert/strict';

import {
  AUTOCONF_VALUES,
  IP_FIELDS,
  KERNEL_PARAMS,
  NFSROOT_OPTIONS,
} from '../../../../server/src/formats/cmdline/params';
import type { OptionSpec, SubOptionSpec } from '../../../../server/src/formats/option-spec';
import { SHUTDOWN_ACTIONS, XEN_OPTION_MAP, XEN_OPTIONS } from '../../../../server/src/formats/xen/options';
import { VIF_KEY_MAP, VIF_KEYS } from '../../../../server/src/formats/xen/vif-keys';
import { XEN_HYPERVISOR_PARAMS } from '../../../../server/src/formats/xen/xen-params';

/** Every `KEY=` heading of xl.cfg(5) for Xen 4.17 (`man -P cat xl.cfg`, top-level keys only). */
const XL_CFG_KEYS = `
acpi acpi_firmware acpi_laptop_slate acpi_s3 acpi_s4 altp2m altp2mhvm apic bios bios_path_override boot
bootloader bootloader_args builder cap channel cmdline cpu_weight cpuid cpus cpus_soft
device_model_args device_model_args_hvm device_model_args_pv device_model_override
device_model_stubdomain_override device_model_stubdomain_seclabel device_model_user
device_model_version device_tree disk dm_restrict driver_domain dtdev e820_host extra firmware
gfx_passthru gic_version hap hdtype hpet init_seclabel iomem ioports irqs kernel keymap localtime
max_event_channels max_grant_frames max_grant_version max_maptrack_frames maxmem maxvcpus mca_caps
memory mmio_hole ms_vm_genid msr_relaxed name nestedhvm nographic nomigrate nx on_crash on_poweroff
on_reboot on_soft_reset on_watchdog oos opengl p9 pae passthrough pci pci_msitranslate pci_permissive
pci_power_mgmt pci_seize pool pvcalls pvshim pvshim_cmdline pvshim_extra pvshim_path ramdisk rdm
rdm_mem_boundary root rtc_timeoffset sdl seclabel serial shadow_memory smbios_firmware soundhw spice
spice_clipboard_sharing spice_image_compression spice_streaming_video spiceagent_mouse
spicedisable_ticketing spicehost spicepasswd spiceport spicetls_port spiceusbredirection spicevdagent
stdvga stubdomain_cmdline stubdomain_kernel stubdomain_memory stubdomain_ramdisk tee timer_mode
tsc_mode type usb usbctrl usbdev usbdevice usbversion uuid vcpus vdispl vendor_device vfb vga videoram
vif viridian vkb vkb_device vmtrace_buf_kb vnc vncdisplay vnclisten vncpasswd vncunused vnuma vpmu
vpt_align vsnd vtpm vuart xen_platform_pci xend_suspend_evtchn_compat
`
  .trim()
  .split(/\s+/);

/** The keywords of xl-network-configuration(5) (4.17), with the aliases xl's parser still takes. */
const VIF_MAN_KEYS = (
  'mac bridge gatewaydev type model vifname script ip backend rate devid mtu trusted untrusted ' +
  'netdev forwarddev accel'
).split(' ');

const XM_NFS_VARIABLES = [
  'nfs_server',
  'nfs_root',
  'ip',
  'netmask',
  'gateway',
  'hostname',
  'dhcp',
  'interface',
];

const TABLES: ReadonlyArray<readonly [string, readonly (OptionSpec | SubOptionSpec)[]]> = [
  ['XEN_OPTIONS', XEN_OPTIONS],
  ['VIF_KEYS', VIF_KEYS],
  ['KERNEL_PARAMS', KERNEL_PARAMS],
  ['IP_FIELDS', IP_FIELDS],
  ['NFSROOT_OPTIONS', NFSROOT_OPTIONS],
  ['XEN_HYPERVISOR_PARAMS', XEN_HYPERVISOR_PARAMS],
];

function option(name: string): OptionSpec {
  const spec = XEN_OPTION_MAP.get(name);
  assert.ok(spec, `no row for ${name}`);
  return spec;
}

function duplicates(names: readonly string[]): string[] {
  return names.filter((n, i) => names.indexOf(n) !== i);
}

describe('option tables', () => {
  for (const [tableName, rows] of TABLES) {
    describe(tableName, () => {
      it('has rows', () => {
        assert.ok(rows.length > 0);
      });

      it('has unique names', () => {
        assert.deepEqual(duplicates(rows.map((r) => r.name)), []);
      });

      it('gives every row a non-empty name, doc and source', () => {
        for (const row of rows) {
          assert.match(row.name, /^\S+$/, `bad name ${JSON.stringify(row.name)}`);
          assert.ok(row.doc.trim().length > 0, `${row.name}: empty doc`);
          assert.ok(row.source.trim().length > 0, `${row.name}: empty source`);
        }
      });

      it('keeps docs short (at most about four sentences)', () => {
        for (const row of rows) {
          assert.ok(row.doc.length <= 600, `${row.name}: doc is ${row.doc.length} characters`);
        }
      });

      it('lists enumeration values without repeats', () => {
        for (const row of rows) {
          if (row.values === undefined) continue;
          assert.ok(row.values.length > 0, `${row.name}: empty values`);
          assert.deepEqual(duplicates(row.values), [], `${row.name}: repeated values`);
        }
      });
    });
  }
});

describe('XEN_OPTIONS', () => {
  it('is indexed by XEN_OPTION_MAP', () => {
    assert.equal(XEN_OPTION_MAP.size, XEN_OPTIONS.length);
    for (const row of XEN_OPTIONS) assert.equal(XEN_OPTION_MAP.get(row.name), row);
  });

  it('contains every key of xl.cfg(5), read by xl', () => {
    assert.equal(XL_CFG_KEYS.length, 148);
    const missing = XL_CFG_KEYS.filter((k) => !XEN_OPTION_MAP.get(k)?.toolstacks.includes('xl'));
    assert.deepEqual(missing, []);
  });

  it('names each toolstack once per row', () => {
    for (const row of XEN_OPTIONS) {
      assert.ok(row.toolstacks.length >= 1 && row.toolstacks.length <= 2, row.name);
      assert.deepEqual(duplicates(row.toolstacks), [], row.name);
    }
  });

  it('gives the on_* keys exactly the seven shutdown actions, with their defaults', () => {
    const expected = [
      'destroy',
      'restart',
      'rename-restart',
      'preserve',
      'coredump-destroy',
      'coredump-restart',
      'soft-reset',
    ];
    assert.deepEqual([...SHUTDOWN_ACTIONS].sort(), [...expected].sort());
    const defaults: Record<string, string> = {
      on_poweroff: 'destroy',
      on_reboot: 'restart',
      on_watchdog: 'destroy',
      on_crash: 'destroy',
      on_soft_reset: 'soft-reset',
    };
    for (const [name, def] of Object.entries(defaults)) {
      const spec = option(name);
      assert.deepEqual([...(spec.values ?? [])].sort(), [...expected].sort(), name);
      assert.equal(spec.default, def, name);
      assert.equal(spec.type, 'string', name);
    }
  });

  it("makes xm's NFS-root variables xm-only boot keys", () => {
    for (const name of XM_NFS_VARIABLES) {
      const spec = option(name);
      assert.deepEqual(spec.toolstacks, ['xm'], name);
      assert.equal(spec.boot, true, name);
    }
    assert.equal(option('interface').default, 'eth0');
    assert.equal(option('dhcp').default, 'off');
    assert.ok(option('dhcp').values?.includes('dhcp'));
  });

  it('knows the xl boot keys, cmdline only for xl', () => {
    for (const name of ['kernel', 'ramdisk', 'root', 'extra']) {
      assert.deepEqual(option(name).toolstacks, ['xl', 'xm'], name);
      assert.equal(option(name).boot, true, name);
    }
    assert.deepEqual(option('cmdline').toolstacks, ['xl']);
    assert.equal(option('cmdline').boot, true);
    assert.equal(XEN_OPTION_MAP.get('initrd'), undefined, 'neither toolstack has an initrd key');
  });

  it('marks exactly the NFS-root boot keys with boot', () => {
    const boot = XEN_OPTIONS.filter((o) => o.boot === true).map((o) => o.name);
    assert.deepEqual([...boot].sort(), [
      'cmdline',
      'dhcp',
      'extra',
      'gateway',
      'hostname',
      'interface',
      'ip',
      'kernel',
      'name',
      'netmask',
      'nfs_root',
      'nfs_server',
      'ramdisk',
      'root',
      'type',
      'vif',
    ]);
  });

  it('types the main keys as xl reads them', () => {
    assert.equal(option('memory').type, 'integer');
    assert.ok((option('memory').min ?? 0) >= 1);
    assert.equal(option('vcpus').type, 'integer');
    assert.equal(option('cpus').type, 'string-or-list');
    assert.equal(option('vif').type, 'list');
    assert.equal(option('vif').itemGrammar, 'vif');
    assert.equal(option('disk').type, 'list');
    assert.equal(option('disk').itemGrammar, 'disk');
    assert.equal(option('pci').type, 'list');
    assert.equal(option('nomigrate').type, 'boolean');
    assert.deepEqual(option('type').values, ['pv', 'pvh', 'hvm']);
    assert.equal(option('builder').deprecated !== undefined, true);
  });

  it('never repeats the main type in alsoAccepts', () => {
    for (const row of XEN_OPTIONS) {
      if (row.alsoAccepts === undefined) continue;
      assert.ok(!row.alsoAccepts.includes(row.type), row.name);
      assert.ok(row.alsoAccepts.length > 0, row.name);
    }
  });

  it('gives itemGrammar only to list keys', () => {
    for (const row of XEN_OPTIONS) {
      if (row.itemGrammar !== undefined) assert.equal(row.type, 'list', row.name);
    }
  });
});

describe('VIF_KEYS', () => {
  it('contains every vif keyword of xl-network-configuration(5)', () => {
    const missing = VIF_MAN_KEYS.filter((k) => !VIF_KEY_MAP.has(k));
    assert.deepEqual(missing, []);
  });

  it('is indexed by VIF_KEY_MAP', () => {
    assert.equal(VIF_KEY_MAP.size, VIF_KEYS.length);
  });

  it('says the vif ip= does not configure the guest', () => {
    assert.match(VIF_KEY_MAP.get('ip')?.doc ?? '', /does not/);
  });

  it('marks netdev and accel deprecated', () => {
    assert.ok(VIF_KEY_MAP.get('netdev')?.deprecated);
    assert.ok(VIF_KEY_MAP.get('accel')?.deprecated);
  });
});

describe('kernel command line tables', () => {
  it('has the ten ip= fields in order', () => {
    assert.deepEqual(
      IP_FIELDS.map((f) => f.name),
      [
        'client-ip',
        'server-ip',
        'gw-ip',
        'netmask',
        'hostname',
        'device',
        'autoconf',
        'dns0-ip',
        'dns1-ip',
        'ntp0-ip',
      ],
    );
  });

  it('gives the autoconf field the eight methods', () => {
    const expected = ['off', 'none', 'on', 'any', 'dhcp', 'bootp', 'rarp', 'both'];
    assert.deepEqual([...AUTOCONF_VALUES].sort(), [...expected].sort());
    assert.deepEqual(IP_FIELDS[6]?.values, AUTOCONF_VALUES);
  });

  it('knows the NFS-root parameters', () => {
    const names = new Set(KERNEL_PARAMS.map((p) => p.name));
    for (const name of [
      'root',
      'nfsroot',
      'ip',
      'nfsaddrs',
      'nfsrootdebug',
      'rw',
      'ro',
      'init',
      'rdinit',
      'console',
    ]) {
      assert.ok(names.has(name), name);
    }
  });

  it('knows the nfsroot mount options the kernel parser accepts', () => {
    const names = new Set(NFSROOT_OPTIONS.map((o) => o.name));
    for (const name of [
      'vers',
      'nfsvers',
      'proto',
      'tcp',
      'udp',
      'nolock',
      'rsize',
      'wsize',
      'v3',
      'v4.2',
      'sec',
    ]) {
      assert.ok(names.has(name), name);
    }
    assert.ok(!names.has('nfsroot'), 'nfsroot is a kernel parameter, not a mount option');
    const vers = NFSROOT_OPTIONS.find((o) => o.name === 'vers');
    assert.deepEqual(vers?.values, ['2', '3', '4', '4.0', '4.1', '4.2']);
  });
});

describe('XEN_HYPERVISOR_PARAMS', () => {
  it('knows the options of a typical xen.gz line', () => {
    const names = new Set(XEN_HYPERVISOR_PARAMS.map((p) => p.name));
    for (const name of [
      'dom0_mem',
      'dom0_max_vcpus',
      'dom0_vcpus_pin',
      'com1',
      'com2',
      'console',
      'loglvl',
      'guest_loglvl',
      'noreboot',
      'sync_console',
      'iommu',
      'dom0_nodes',
      'cpufreq',
      'sched',
      'watchdog',
    ]) {
      assert.ok(names.has(name), name);
    }
  });
});
