import type { FixSpec } from '../../core/finding';
import { settingEdits } from '../../formats/kconfig/model';
import type {
  KconfigEdit,
  KconfigSetting,
  NfsRootProblem,
  NfsRootRequirements,
} from '../../formats/kconfig/model';
import type { KconfigFile } from '../kconfig/types';

/**
 * Quick fixes of the `kernel/*` rules: they edit the kernel's `.config`, not the file the diagnostic sits in.
 * The lines come from the Kconfig model (`nfsRootRequirements`): `# CONFIG_X is not set` and `CONFIG_X=m` are
 * replaced, missing dependencies and selects are added, every other byte is kept.
 */

function fixOf(config: KconfigFile, title: string, edits: readonly KconfigEdit[]): FixSpec {
  return { title, edits: edits.map((e) => ({ uri: config.uri, span: e.span, newText: e.newText })) };
}

/** The union of the consistent groups of several problems (one rule), each symbol once. */
function mergedSettings(problems: readonly NfsRootProblem[]): KconfigSetting[] {
  const seen = new Map<string, KconfigSetting>();
  for (const p of problems) for (const s of p.settings) if (!seen.has(s.symbol)) seen.set(s.symbol, s);
  return [...seen.values()];
}

/**
 * "Set CONFIG_ROOT_NFS=y and what it needs in boot/config-6.1": the edits of one rule's problems (the
 * `kernel/ip-autoconfig-disabled` rule may have two: IP_PNP and the protocol's symbol).
 */
export function problemFix(
  config: KconfigFile,
  configPath: string,
  problems: readonly NfsRootProblem[],
): FixSpec {
  const lines = problems.map((p) => `CONFIG_${p.symbol}=y`);
  const what = problems.length === 1 ? 'what it needs' : 'what they need';
  const title = `Set ${lines.join(', ')} and ${what} in ${configPath}`;
  const edits =
    problems.length === 1
      ? problems[0].edits
      : settingEdits(config.text, config.model, mergedSettings(problems));
  return fixOf(config, title, edits);
}

/** "Set everything an NFS root needs in boot/config-6.1": every problem's edits at once. */
export function everythingFix(
  config: KconfigFile,
  configPath: string,
  requirements: NfsRootRequirements,
): FixSpec {
  return fixOf(config, `Set everything an NFS root needs in ${configPath}`, requirements.edits);
}
