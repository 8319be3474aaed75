import type { SubOptionSpec } from '../option-spec';
import { KERNEL_PARAMS, NFSROOT_OPTIONS } from './params';

/** Kernel parameters by name (the `nfsaddrs` alias included where the table has it). */
export const KERNEL_PARAM_MAP: ReadonlyMap<string, SubOptionSpec> = new Map(
  KERNEL_PARAMS.map((p) => [p.name, p]),
);

/** NFS mount options of `nfsroot=` by name (`vers`, `tcp`, …). */
export const NFSROOT_OPTION_MAP: ReadonlyMap<string, SubOptionSpec> = new Map(
  NFSROOT_OPTIONS.map((p) => [p.name.replace(/=$/, ''), p]),
);
