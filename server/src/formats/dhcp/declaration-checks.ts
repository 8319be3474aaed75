import type { DhcpStatement } from './ast';
import type { ParseState } from './head-reader';

/**
 * Checks dhcpd makes when a declaration ends (server/confpars.c): a pool needs a range, a shared network a
 * subnet; and at the end of the file, every failover peer must be used by a pool. Made as each declaration
 * is read rather than by a walk of the finished tree.
 */

/** Checks a declaration whose body has just been read (never in a trial reading: its body is left out). */
export function checkDeclaration(s: DhcpStatement, state: ParseState): void {
  if (state.trial || !s.body) return;
  if (s.kind === 'pool' && !s.body.some((c) => c.kind === 'range')) {
    state.issues.push({
      span: closing(s),
      message: 'this pool has no range: dhcpd rejects a pool without addresses',
      kind: 'syntax',
    });
  }
  if (s.kind === 'shared-network' && !containsSubnet(s.body)) {
    state.issues.push({
      span: closing(s),
      message: 'this shared-network declares no subnet (dhcpd: empty shared-network decl)',
      kind: 'syntax',
    });
  }
}

/** Failover peers no pool refers to: dhcpd refuses them once the whole file is read. */
export function checkPeers(state: ParseState): void {
  for (const [name, peer] of state.peers) {
    if (!peer.used)
      state.issues.push({
        span: peer.span,
        message: `failover peer '${name}' is used by no pool: dhcpd refuses a peer no pool refers to`,
        kind: 'syntax',
      });
  }
}

function containsSubnet(list: readonly DhcpStatement[]): boolean {
  return list.some((s) => s.kind === 'subnet' || (s.kind === 'group' && containsSubnet(s.body ?? [])));
}

/** The closing brace of a declaration (where dhcpd notices what its body lacks). */
function closing(s: DhcpStatement): { start: number; end: number } {
  return { start: Math.max(s.span.start, s.span.end - 1), end: s.span.end };
}
