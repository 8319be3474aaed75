/**
 * The option table of Xen domain configuration files: every key of xl.cfg(5) (Xen 4.17) plus every
 * variable of the old `xm create` that xl does not read. Hover, completion and single-file validation
 * all read it.
 */

import type { OptionSpec } from '../option-spec';
import { XL_CORE_OPTIONS } from './options-xl-core';
import { XL_DEVICE_OPTIONS } from './options-xl-devices';
import { XL_HVM_OPTIONS } from './options-xl-hvm';
import { XM_ONLY_OPTIONS } from './options-xm';

export { SHUTDOWN_ACTIONS } from './options-shared';

/** Every key a Xen domain config may hold, for xl, xm or both (`toolstacks` says which). */
export const XEN_OPTIONS: readonly OptionSpec[] = [
  ...XL_CORE_OPTIONS,
  ...XL_DEVICE_OPTIONS,
  ...XL_HVM_OPTIONS,
  ...XM_ONLY_OPTIONS,
];

/** `XEN_OPTIONS` by key name. */
export const XEN_OPTION_MAP: ReadonlyMap<string, OptionSpec> = new Map(XEN_OPTIONS.map((o) => [o.name, o]));
