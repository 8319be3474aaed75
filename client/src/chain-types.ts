/**
 * The boot chain requests, as the client sees them. Types only from the server (erased at build time, so the
 * client bundle carries no server code); the method names must match server/src/features/chain-view.ts
 * (test/unit/client/chain-types.test.ts checks that).
 */
export type {
  ChainsResult,
  ChainView,
  LinkDiagnostic,
  LinkView,
  ViewRange,
} from '../../server/src/features/chain-view';
export type { LinkStatus } from '../../server/src/features/chain-links';

export const BOOT_CHAIN_REQUEST = 'xenNfsBoot/bootChain';
export const OVERVIEW_REQUEST = 'xenNfsBoot/overview';

/** The language ids the server handles (package.json `contributes.languages`). */
export const LANGUAGES = [
  'xen-config',
  'nfs-exports',
  'dhcpd-conf',
  'grub-legacy',
  'grub2',
  'pxelinux',
  'kconfig',
] as const;
