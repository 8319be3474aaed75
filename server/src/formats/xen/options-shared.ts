/**
 * Constants shared by the Xen domain-config option tables (options-xl-*.ts, options-xm.ts): which toolstacks
 * read a key, where the fact comes from, and the shutdown actions the `on_*` keys accept.
 */

import type { Toolstack } from '../option-spec';

/** Keys only xl reads (xm never knew them). */
export const XL_ONLY: readonly Toolstack[] = ['xl'];

/** Keys only xm read; xl passes over them without a word unless the row says otherwise. */
export const XM_ONLY: readonly Toolstack[] = ['xm'];

/** Keys both toolstacks read. */
export const XL_AND_XM: readonly Toolstack[] = ['xl', 'xm'];

/** Source of a documented xl key. */
export const SRC_XL = 'xl.cfg(5)';

/** Source of a key read by both toolstacks. */
export const SRC_XL_XM = 'xl.cfg(5); xm create (tools/python/xen/xm/create.py)';

/** Source of an xl key that xl.cfg(5) leaves out but xl's parser reads. */
export const SRC_XL_PARSER = 'tools/xl/xl_parse.c (not in xl.cfg(5))';

/** Source of an xm-only variable. */
export const SRC_XM = 'xm create (tools/python/xen/xm/create.py)';

/** Every action the `on_*` keys (`on_poweroff`, `on_reboot`, …) accept (xl.cfg(5), tools/xl/xl_parse.c). */
export const SHUTDOWN_ACTIONS: readonly string[] = [
  'destroy',
  'restart',
  'rename-restart',
  'preserve',
  'coredump-destroy',
  'coredump-restart',
  'soft-reset',
];
