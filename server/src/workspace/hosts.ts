import type { Toolstack } from '../formats/option-spec';
import type { Topology, TopologyHost } from './topology';

/**
 * Which host a file belongs to: the host whose `root` folder contains it (the longest match), else the
 * unnamed host. Paths are relative to the topology file's folder with `/` separators.
 */
export function hostOf(topology: Topology, relativePath: string): TopologyHost | undefined {
  let best: TopologyHost | undefined;
  let bestLength = -1;
  for (const h of topology.hosts) {
    if (h.root === undefined) continue;
    const root = normaliseFolder(h.root);
    if ((root === '' || relativePath.startsWith(`${root}/`)) && root.length > bestLength) {
      best = h;
      bestLength = root.length;
    }
  }
  return best;
}

const NORMAL_FOLDERS = new Map<string, string>();

/**
 * A host root as a plain relative folder. Remembered: every check asks the host of every file, and a site
 * has a few roots (the cache is dropped if a site ever had many).
 */
function normaliseFolder(folder: string): string {
  let normal = NORMAL_FOLDERS.get(folder);
  if (normal === undefined) {
    normal = folder.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '').replace(/^\.$/, '');
    if (NORMAL_FOLDERS.size >= 1024) NORMAL_FOLDERS.clear();
    NORMAL_FOLDERS.set(folder, normal);
  }
  return normal;
}

/** The toolstack that reads a file: its host's, else the site's, else the setting's, else xl (Xen ≥ 4.5 has only xl). */
export function toolstackFor(
  topology: Topology,
  relativePath: string,
  fallback: Toolstack | undefined,
): Toolstack {
  return hostOf(topology, relativePath)?.toolstack ?? topology.toolstack ?? fallback ?? 'xl';
}
