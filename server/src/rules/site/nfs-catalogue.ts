import type { Severity } from '../../core/severity';
import type { RuleInfo } from '../catalogue';

const E: Severity = 'error';
const W: Severity = 'warning';
const I: Severity = 'information';

/** The NFS-root cross-checks: a boot's root against the NFS server's exports (shared RULES.md, "Across files"). */
export const NFS_RULES: readonly RuleInfo[] = [
  {
    id: 'nfs/root-not-exported',
    severity: E,
    summary: 'the NFS root path is exported by the NFS server neither itself nor through a parent',
  },
  {
    id: 'nfs/client-not-permitted',
    severity: E,
    summary: 'the NFS root is exported, but to no client that matches the booting machine',
  },
  { id: 'nfs/root-squash', severity: W, summary: 'the export that serves the NFS root squashes root' },
  { id: 'nfs/read-only-root', severity: I, summary: 'the export that serves the NFS root is read-only' },
  {
    id: 'nfs/fsid-root-path',
    severity: W,
    summary: 'an NFSv4 mount names the full path of the pseudo-root export (`fsid=0`)',
  },
  {
    id: 'nfs/server-unknown',
    severity: I,
    summary: 'no exports file of the workspace belongs to the NFS server named',
  },
];
