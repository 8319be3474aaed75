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

function normaliseFolder(folder: string): string {
  return folder.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '').replace(/^\.$/, '');
}

/** The toolstack that reads a file: its host's, else the site's, else the setting's, else xl (Xen ≥ 4.5 has only xl). */
export function toolstackFor(
  topology: Topology,
  relativePath: string,
  fallback: Toolstack | undefined,
): Toolstack {
  return hostOf(topology, relativePath)?.toolstack ?? topology.toolstack ?? fallback ?? 'xl';
}
