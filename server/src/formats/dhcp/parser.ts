import type { DhcpConfAst, DhcpIssue, DhcpStatement } from './ast';
import type { ParseState } from './head-reader';
import { lexDhcpConf } from './lexer';
import { DhcpOptionTable } from './option-table';
import { SERVER_PARAMETERS } from './options';
import { interpretBlock } from './statements';
import { readStructure } from './structure';

/**
 * Parses a dhcpd.conf (dhcpd.conf(5), ISC DHCP 4.4). Never throws and never stops at an error: like dhcpd,
 * which reports an error and goes on with the next statement, it returns the whole tree and every issue.
 * Issues are what `dhcpd -t` rejects; what dhcpd accepts but is probably a mistake is for the rules.
 */

/** Text beyond this many characters is not analysed (the workspace skips such files anyway). */
export const MAX_ANALYSED_CHARS = 16 * 1024 * 1024;

const ENUMS: ReadonlyMap<string, readonly string[]> = new Map(
  [...SERVER_PARAMETERS.values()].filter((s) => s.values).map((s) => [s.name, s.values ?? []]),
);

/** Parses a dhcpd.conf; never throws. */
export function parseDhcpConf(text: string): DhcpConfAst {
  const issues: DhcpIssue[] = [];
  let analysed = text;
  if (text.length > MAX_ANALYSED_CHARS) {
    const cut = text.lastIndexOf('\n', MAX_ANALYSED_CHARS);
    analysed = text.slice(0, cut > 0 ? cut + 1 : MAX_ANALYSED_CHARS);
    issues.push({
      span: { start: analysed.length, end: analysed.length },
      message: `only the first ${Math.round(MAX_ANALYSED_CHARS / 1048576)} MB of this file are analysed`,
      kind: 'syntax',
    });
  }
  const { tokens, comments } = lexDhcpConf(analysed);
  const state: ParseState = {
    issues,
    table: new DhcpOptionTable(),
    declaredOptions: [],
    declaredSpaces: [],
    classes: new Set(),
    keys: new Set(),
    peers: new Map(),
    enums: ENUMS,
  };
  const raws = readStructure(tokens, analysed.length, issues);
  const statements = interpretBlock(raws, [], state);
  checkDeclarations(statements, state);
  checkStrings(
    tokens
      .filter((t) => t.tokenType.name === 'StringLiteral')
      .map((t) => ({ image: t.image, start: t.startOffset })),
    issues,
  );
  issues.sort((a, b) => a.span.start - b.span.start);
  return {
    statements,
    issues,
    comments,
    declaredOptions: state.declaredOptions,
    declaredSpaces: state.declaredSpaces,
  };
}

/** Whole-file checks dhcpd makes when a declaration ends: pools need a range, shared networks a subnet. */
function checkDeclarations(statements: readonly DhcpStatement[], state: ParseState): void {
  const walk = (list: readonly DhcpStatement[]): void => {
    for (const s of list) {
      if (s.kind === 'pool' && s.body && !s.body.some((c) => c.kind === 'range')) {
        state.issues.push({
          span: closing(s),
          message: 'this pool has no range: dhcpd rejects a pool without addresses',
          kind: 'syntax',
        });
      }
      if (s.kind === 'shared-network' && s.body && !containsSubnet(s.body)) {
        state.issues.push({
          span: closing(s),
          message: 'this shared-network declares no subnet (dhcpd: empty shared-network decl)',
          kind: 'syntax',
        });
      }
      if (s.body) walk(s.body);
    }
  };
  walk(statements);
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

/** An unterminated string: dhcpd reads to the end of the file ("eof in string constant"). */
function checkStrings(strings: readonly { image: string; start: number }[], issues: DhcpIssue[]): void {
  for (const s of strings) {
    let i = 1;
    while (i < s.image.length && s.image[i] !== '"') i += s.image[i] === '\\' ? 2 : 1;
    if (i >= s.image.length) {
      issues.push({
        span: { start: s.start, end: s.start + s.image.length },
        message: 'unterminated string: no closing "',
        kind: 'syntax',
      });
    }
  }
}
