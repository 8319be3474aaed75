import type { DhcpStatement, DhcpStatementKind } from './ast';
import type { ParseState } from './head-reader';
import { wordOf } from './head-reader';
import { tokenSpan } from './lexer';
import { statementSpan } from './structure';
import type { RawStatement } from './structure';
import { checkAddressToken } from './value-format';

/**
 * The bodies of keys, zones and failover peers have small languages of their own (dhcpd.conf(5) "DYNAMIC
 * DNS UPDATES", "FAILOVER"): each statement is read loosely, by the shapes its kind allows.
 */

/** The statements of key, zone and failover bodies (dhcpd.conf(5) "DYNAMIC DNS UPDATES", "FAILOVER"). */
const BODY_SHAPES: Readonly<Record<string, readonly RegExp[]>> = {
  key: [/^algorithm \S+$/, /^secret .+$/],
  zone: [/^(primary|secondary)6? \S+( , \S+)*$/, /^key \S+$/],
  failover: [
    /^(primary|secondary)$/,
    /^(peer )?address \S+$/,
    /^(peer )?port \d+$/,
    /^(max-response-delay|max-unacked-updates|mclt|split|auto-partner-down|max-lease-misbalance|max-lease-ownership|min-balance|max-balance) \d+$/,
    /^hba \S+$/,
    /^load balance max seconds \d+$/,
  ],
};

/** Key, zone and failover bodies: each statement must have one of its kind's shapes. */
export function looseBody(raw: RawStatement, kind: DhcpStatementKind, state: ParseState): DhcpStatement[] {
  const body = raw.body ?? [];
  const out: DhcpStatement[] = [];
  for (const s of body) {
    if (s.head.length === 0) continue;
    checkBodyStatement(s, BODY_SHAPES[kind] ?? [], state);
    const word = s.head[0].image.toLowerCase();
    if (kind === 'zone' && word === 'key' && s.head[1]) {
      const name = wordOf(s.head[1]);
      if (!state.keys.has(name.text.toLowerCase()))
        state.issues.push({
          span: name.span,
          message: `unknown key '${name.text}': declare it with 'key ${name.text} { … }' before the zone`,
          kind: 'syntax',
        });
    }
    out.push({
      kind: 'other',
      span: statementSpan(s),
      keyword: wordOf(s.head[0]),
      words: s.head.slice(1).map(wordOf),
    });
  }
  if (kind === 'key' && raw.open && !body.some((s) => s.head[0]?.image.toLowerCase() === 'secret')) {
    // Seen with dhcpd 4.4.3: a key without a secret makes `dhcpd -t` crash (segmentation fault).
    state.issues.push({
      span: tokenSpan(raw.head[0]),
      message: "this key has no 'secret': dhcpd 4.4.3 crashes reading it",
      kind: 'syntax',
    });
  }
  return out;
}

function checkBodyStatement(s: RawStatement, shapes: readonly RegExp[], state: ParseState): void {
  const images = s.head.map((t) => t.image.toLowerCase());
  for (let k = images.length; k > 0; k--) {
    if (!shapes.some((re) => re.test(images.slice(0, k).join(' ')))) continue;
    const bad = s.head
      .slice(0, k)
      .find((t) => /^[\d.]+$/.test(t.image) && t.image.includes('.') && checkAddressToken(t));
    if (bad)
      state.issues.push({
        span: tokenSpan(bad),
        message: checkAddressToken(bad)?.message ?? '',
        kind: 'invalid-address',
      });
    else if (k < images.length)
      state.issues.push({
        span: tokenSpan(s.head[k]),
        message: `missing ';' before '${s.head[k].image}'`,
        kind: 'syntax',
      });
    else if (s.open)
      state.issues.push({ span: tokenSpan(s.open), message: "missing ';' before '{'", kind: 'syntax' });
    else if (s.unterminatedAt)
      state.issues.push({
        span: s.unterminatedAt,
        message: `missing ';' after '${s.head[k - 1].image}'`,
        kind: 'syntax',
      });
    return;
  }
  state.issues.push({
    span: tokenSpan(s.head[0]),
    message: `'${s.head[0].image}' is not a statement this declaration knows`,
    kind: 'syntax',
  });
}
