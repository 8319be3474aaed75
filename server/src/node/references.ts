import type { FormatId } from '../workspace/analysed-file';
import type { Workspace } from '../workspace/workspace';

/** How many rounds of references are followed (an include of an include …); cycles stop anyway. */
const MAX_ROUNDS = 8;

/**
 * Loads the files that loaded files name (a dhcpd.conf's includes), then what those name, and so on.
 * Only files of `everyFile` (inside the scanned folders) are ever read: a reference that leaves the
 * workspace is not followed.
 */
export function loadReferenced(
  everyFile: readonly string[],
  relativeOf: (file: string) => string,
  load: (file: string, format: FormatId) => void,
  workspace: Workspace,
): void {
  const byRelative = new Map(everyFile.map((f) => [relativeOf(f), f]));
  const loaded = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const found = workspace.referencedFiles([...byRelative.keys()]).filter((r) => !loaded.has(r.path));
    if (found.length === 0) return;
    for (const r of found) {
      const file = byRelative.get(r.path);
      if (!file) continue;
      loaded.add(r.path);
      load(file, r.format);
    }
  }
}
