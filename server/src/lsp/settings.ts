import { readRuleLevels } from '../workspace/topology';
import type { WorkspaceSettings } from '../workspace/workspace';

/** Reads the `xenNfsBoot` settings object a client returns; anything malformed is ignored. */
export function readSettings(raw: unknown): WorkspaceSettings {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const toolstack = r.toolstack === 'xm' || r.toolstack === 'xl' ? r.toolstack : undefined;
  const maxFileBytes =
    typeof r.maxFileSizeMB === 'number' && r.maxFileSizeMB > 0
      ? Math.round(r.maxFileSizeMB * 1024 * 1024)
      : undefined;
  return { toolstack, rules: readRuleLevels(r.rules, 'rules', []), maxFileBytes };
}
