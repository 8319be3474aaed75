import type { Finding } from '../../core/finding';
import { netmaskPrefix } from '../../core/ipv4';
import type { DhcpIssueKind, DhcpStatement } from '../../formats/dhcp/ast';
import { statementKeywords } from '../../formats/dhcp/declarations';
import { macOf } from '../../formats/dhcp/lazy-statement';
import type { DhcpFile } from './types';

/** Parse issue kinds → rule IDs. */
const RULE_OF: Readonly<Record<DhcpIssueKind, string>> = {
  syntax: 'dhcp/syntax',
  'undeclared-option': 'dhcp/undeclared-option',
  'invalid-address': 'dhcp/invalid-address',
  'invalid-mac': 'dhcp/invalid-mac',
};

/** `dhcp/syntax`, `dhcp/undeclared-option`, `dhcp/invalid-address`, `dhcp/invalid-mac`: what dhcpd rejects. */
export function checkDhcpIssues(file: DhcpFile): Finding[] {
  return file.ast.issues.map((i) => ({
    ruleId: RULE_OF[i.kind],
    uri: file.uri,
    span: i.span,
    message: i.message,
    fixes: i.fix
      ? [
          {
            title: i.fix.title,
            edits: [{ uri: file.uri, span: i.fix.span, newText: i.fix.newText }],
            preferred: true,
          },
        ]
      : [],
  }));
}

function walk(list: readonly DhcpStatement[], visit: (s: DhcpStatement) => void): void {
  // Indexed loops (here and in `checkDhcpOddities`): see model.ts `children`.
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    visit(s);
    if (s.body) walk(s.body, visit);
  }
}

/** `dhcp/invalid-address` (W): a subnet's netmask whose one bits are not contiguous. */
function oddMask(file: DhcpFile, s: DhcpStatement): Finding | undefined {
  const mask = s.addresses?.[1];
  if (mask?.value === undefined || netmaskPrefix(mask.value) !== undefined) return undefined;
  return {
    ruleId: 'dhcp/invalid-address',
    uri: file.uri,
    span: mask.span,
    message: `netmask ${mask.text} is not contiguous (its one bits must come first): dhcpd accepts it, but no real network has such a mask`,
    severity: 'warning',
  };
}

/** The octets of a normalised MAC (`a:b:c` has 3), counted without splitting: every host has one. */
function octetCount(mac: string): number {
  let n = 1;
  for (let i = mac.indexOf(':'); i >= 0; i = mac.indexOf(':', i + 1)) n++;
  return n;
}

/** `dhcp/invalid-mac` (W): an Ethernet address without six octets. */
function oddMac(file: DhcpFile, s: DhcpStatement): Finding | undefined {
  // The MAC first, read without making the statement's words: almost every host's has six octets.
  const mac = macOf(s);
  const octets = mac ? octetCount(mac) : 0;
  if (!mac || octets === 6) return undefined;
  const hw = s.hardware;
  if (!hw?.address || hw.type?.text.toLowerCase() !== 'ethernet') return undefined;
  return {
    ruleId: 'dhcp/invalid-mac',
    uri: file.uri,
    span: hw.address.span,
    message: `'${hw.address.text}' has ${octets} octets: dhcpd accepts it, but an Ethernet address has 6, so no client will ever match`,
    severity: 'warning',
  };
}

/** `dhcp/unknown-statement`: a lone word that is no statement. */
function unknownStatement(file: DhcpFile, s: DhcpStatement): Finding | undefined {
  if (s.words.length !== 0) return undefined;
  const word = s.keyword.text.toLowerCase();
  if (word === 'authoritative' || word === 'break' || statementKeywords().includes(word)) return undefined;
  const suggestion = s.suggestion;
  return {
    ruleId: 'dhcp/unknown-statement',
    uri: file.uri,
    span: s.keyword.span,
    message: `'${s.keyword.text}' is not a statement dhcpd knows: it reads it as an expression and does nothing${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
    fixes: suggestion
      ? [
          {
            title: `Rename to '${suggestion}'`,
            edits: [{ uri: file.uri, span: s.keyword.span, newText: suggestion }],
            preferred: true,
          },
        ]
      : [],
  };
}

/** The oddities in one statement and its body. */
function odditiesOf(file: DhcpFile, statement: DhcpStatement): readonly Finding[] {
  const findings: Finding[] = [];
  walk([statement], (s) => {
    const found =
      s.kind === 'subnet'
        ? oddMask(file, s)
        : s.kind === 'hardware'
          ? oddMac(file, s)
          : s.kind === 'other'
            ? unknownStatement(file, s)
            : undefined;
    if (found) findings.push(found);
  });
  return findings.length > 0 ? findings : NONE;
}

const NONE: readonly Finding[] = [];

/**
 * The oddities of each top-level statement, kept with it. A reparse (formats/dhcp/reparse.ts) keeps the
 * statements an edit did not touch and moves their spans in place; these findings hold those very spans,
 * so they move too, and an edit looks only at the statements it read again (issue 6).
 */
const ODDITIES = new WeakMap<DhcpStatement, readonly Finding[]>();

/**
 * What dhcpd accepts but is probably a mistake: a non-contiguous netmask (`dhcp/invalid-address`, W), an
 * Ethernet address without six octets (`dhcp/invalid-mac`, W; dhcpd 4.4.3 takes 1 to 16), a lone word
 * that is no statement (`dhcp/unknown-statement`; dhcpd reads `authoritativ;` as an expression and ignores it).
 * Each kind is looked at only by its own check; each top-level statement once (`ODDITIES`).
 */
export function checkDhcpOddities(file: DhcpFile): Finding[] {
  const findings: Finding[] = [];
  const statements = file.ast.statements;
  for (let i = 0; i < statements.length; i++) {
    const top = statements[i];
    let found = ODDITIES.get(top);
    if (found === undefined || (found.length > 0 && found[0].uri !== file.uri)) {
      found = odditiesOf(file, top);
      ODDITIES.set(top, found);
    }
    for (const f of found) findings.push(f);
  }
  return findings;
}
