import type { FormatId } from '../../server/src/workspace/analysed-file';
import type { MutationProfile } from './mutate';

/** What the fuzzer needs of one format: where its files live, what its fixtures are, how to mutate them. */
export interface FuzzFormat extends MutationProfile {
  readonly id: FormatId;
  /** Workspace paths a file of this format is given (chosen at random). */
  readonly paths: readonly string[];
  /** The folders of test/fixtures whose files are this format's seeds. */
  readonly fixtureDirs: readonly string[];
  /** The rule ID of the format's syntax errors. */
  readonly syntaxRule: string;
}

const XEN: FuzzFormat = {
  id: 'xen-config',
  paths: ['etc/xen/fuzz.cfg'],
  fixtureDirs: ['xen', 'seeds'],
  syntaxRule: 'xen/syntax',
  alphabet: [
    '"',
    "'",
    '’',
    '[',
    ']',
    ',',
    ';',
    '=',
    '+=',
    '\n',
    '\r\n',
    '#',
    '\\',
    '(',
    ':',
    '\u0000',
    ' ',
    'x',
    '0x',
  ],
  nesting: [
    ['[', ']'],
    ['(', ')'],
    ['if x:\n ', '\n'],
  ],
};

const EXPORTS: FuzzFormat = {
  id: 'nfs-exports',
  paths: ['etc/exports', 'etc/exports.d/fuzz.exports'],
  fixtureDirs: ['exports'],
  syntaxRule: 'exports/syntax',
  alphabet: [
    '(',
    ')',
    ',',
    ' ',
    '\t',
    '\n',
    '\r\n',
    '\\\n',
    '\\',
    '"',
    '#',
    '-',
    '=',
    '/',
    '*',
    '@',
    ':',
    '.',
    '\u0000',
    'x',
    '9',
  ],
  nesting: [
    ['(', ')'],
    ['\\\n', ''],
  ],
};

const DHCP: FuzzFormat = {
  id: 'dhcpd-conf',
  paths: ['etc/dhcp/dhcpd.conf'],
  fixtureDirs: ['dhcp'],
  syntaxRule: 'dhcp/syntax',
  alphabet: [
    '{',
    '}',
    ';',
    '"',
    '#',
    '\n',
    '\r\n',
    '\t',
    ' ',
    ',',
    '(',
    ')',
    '=',
    'option ',
    'host ',
    'subnet ',
    '10.0.0.',
    ':',
    'zz',
    '\u0000',
    '\uffff',
    'if ',
    'else ',
  ],
  nesting: [
    ['group {\n', '}\n'],
    ['if (', ')'],
    ['{', '}'],
  ],
};

const GRUB: FuzzFormat = {
  id: 'grub-legacy',
  paths: ['boot/grub/menu.lst', 'tftpboot/grub/fuzz.conf'],
  fixtureDirs: ['grub'],
  syntaxRule: 'grub/syntax',
  alphabet: [
    ' ',
    '\t',
    '\n',
    '\r\n',
    '\\',
    '\\\n',
    '#',
    '=',
    '(',
    ')',
    ',',
    '/',
    '+',
    '\u0000',
    'title ',
    'kernel ',
    'module ',
    'initrd ',
    'default ',
    '(hd0,',
    '(nd)',
    'root=/dev/nfs ',
    'nfsroot=',
    'ip=:::',
    'x',
    '0',
    '\u2019',
  ],
  nesting: [
    ['(', ')'],
    ['\\\n', ''],
  ],
};

const GRUB2: FuzzFormat = {
  id: 'grub2',
  paths: ['boot/grub/grub.cfg'],
  fixtureDirs: ['grub2'],
  syntaxRule: 'grub2/syntax',
  alphabet: [
    '{',
    '}',
    '"',
    "'",
    ';',
    '\n',
    '\r\n',
    '$',
    '${',
    '|',
    '\\',
    'fi',
    'then',
    'if ',
    '#',
    '\u0000',
    ' ',
    'module2 ',
    'ip=',
  ],
  nesting: [
    ['menuentry x {\n', '}\n'],
    ['if true; then\n', 'fi\n'],
    ['{', '}'],
    ['${', '}'],
  ],
};

const PXELINUX: FuzzFormat = {
  id: 'pxelinux',
  paths: ['tftp/pxelinux.cfg/default', 'tftp/pxelinux.cfg/01-00-16-3e-00-00-01', 'tftp/pxelinux.cfg/C0A8'],
  fixtureDirs: ['pxelinux'],
  syntaxRule: 'pxelinux/syntax',
  alphabet: [
    '\n',
    '\r\n',
    ' --- ',
    '---',
    '#',
    'LABEL ',
    'MENU BEGIN',
    'MENU END',
    'TEXT HELP',
    'ENDTEXT',
    ' ',
    '\u0000',
    'ip=',
    'nfsroot=',
    'mboot.c32',
  ],
  nesting: [
    ['MENU BEGIN\n', 'MENU END\n'],
    ['TEXT HELP\n', 'ENDTEXT\n'],
  ],
};

const KCONFIG: FuzzFormat = {
  id: 'kconfig',
  paths: ['boot/config-6.1.0', 'linux/.config'],
  fixtureDirs: ['kconfig'],
  syntaxRule: 'kconfig/syntax',
  alphabet: [
    '#',
    ' ',
    '=',
    '"',
    '\\',
    '\n',
    '\r\n',
    'CONFIG_',
    'y',
    'm',
    '0x',
    '-',
    ' is not set',
    '\u0000',
    '’',
  ],
  nesting: [
    ['"', '"'],
    ['\\"', ''],
  ],
};

/** Every format, in the round-robin order of a fuzz run. */
export const FUZZ_FORMATS: readonly FuzzFormat[] = [XEN, EXPORTS, DHCP, GRUB, GRUB2, PXELINUX, KCONFIG];

/** The fuzz description of a format. */
export function fuzzFormat(id: FormatId): FuzzFormat {
  const f = FUZZ_FORMATS.find((x) => x.id === id);
  if (!f) throw new Error(`no fuzz profile for ${id}`);
  return f;
}
