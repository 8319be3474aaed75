import type { Finding } from '../../core/finding';
import { netmaskPrefix } from '../../core/ipv4';
import type { DhcpIssueKind, DhcpStatement } from '../../formats/dhcp/ast';
import { statementKeywords } from '../../formats/dhcp/declarations';
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
  for (const s of list) {
    visit(s);
    if (s.body) walk(s.body, visit);
  }
}

/**
 * What dhcpd accepts but is probably a mistake: a non-contiguous netmask (`dhcp/invalid-address`, W), an
 * Ethernet address without six octets (`dhcp/invalid-mac`, W; dhcpd 4.4.3 takes 1 to 16), a lone word
 * that is no statement (`dhcp/unknown-statement`; dhcpd reads `authoritativ;` as an expression and ignores it).
 */
export function checkDhcpOddities(file: DhcpFile): Finding[] {
  const findings: Finding[] = [];
  walk(file.ast.statements, (s) => {
    const mask = s.kind === 'subnet' ? s.addresses?.[1] : undefined;
    if (mask?.value !== undefined && netmaskPrefix(mask.value) === undefined) {
      findings.push({
        ruleId: 'dhcp/invalid-address',
        uri: file.uri,
        span: mask.span,
        message: `netmask ${mask.text} is not contiguous (its one bits must come first): dhcpd accepts it, but no real network has such a mask`,
        severity: 'warning',
      });
    }
    const hw = s.kind === 'hardware' ? s.hardware : undefined;
    if (
      hw?.mac &&
      hw.address &&
      hw.type?.text.toLowerCase() === 'ethernet' &&
      hw.mac.split(':').length !== 6
    ) {
      findings.push({
        ruleId: 'dhcp/invalid-mac',
        uri: file.uri,
        span: hw.address.span,
        message: `'${hw.address.text}' has ${hw.mac.split(':').length} octets: dhcpd accepts it, but an Ethernet address has 6, so no client will ever match`,
        severity: 'warning',
      });
    }
    if (
      s.kind === 'other' &&
      s.words.length === 0 &&
      !['authoritative', 'break'].includes(s.keyword.text.toLowerCase())
    ) {
      const known = statementKeywords();
      if (known.includes(s.keyword.text.toLowerCase())) return;
      const suggestion = s.suggestion;
      findings.push({
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
      });
    }
  });
  return findings;
}
