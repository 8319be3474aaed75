import type { Span } from '../../core/text';
import type { DhcpStatement } from '../../formats/dhcp/ast';
import type { DhcpFile } from '../../rules/dhcp/types';
import type { SymbolSpec } from '../symbols';
import { foldingSpans } from '../folding';
import type { FoldingSpan } from '../folding';

/** A document symbol with the declarations nested inside it. */
export interface NestedSymbolSpec extends SymbolSpec {
  readonly children: readonly NestedSymbolSpec[];
}

const OUTLINED = new Set([
  'subnet',
  'shared-network',
  'group',
  'host',
  'pool',
  'class',
  'failover',
  'key',
  'zone',
]);

function symbolName(s: DhcpStatement): string {
  if (s.kind === 'subnet') return `subnet ${s.words.map((w) => w.text).join(' ')}`;
  return s.name ? `${s.kind} ${s.name.text}` : s.kind;
}

function detail(s: DhcpStatement): string {
  const body = s.body ?? [];
  const fixed = body.find((c) => c.kind === 'fixed-address')?.addresses?.[0]?.text;
  const mac = body.find((c) => c.kind === 'hardware')?.hardware?.address?.text;
  return [mac, fixed].filter(Boolean).join(' → ');
}

function outline(list: readonly DhcpStatement[]): NestedSymbolSpec[] {
  return list.flatMap((s): NestedSymbolSpec[] => {
    const children = s.body ? outline(s.body) : [];
    if (!OUTLINED.has(s.kind)) return children;
    return [
      {
        name: symbolName(s),
        detail: detail(s),
        kind: s.kind === 'host' ? 7 : 2,
        span: s.span,
        selection: s.name?.span ?? s.keyword.span,
        children,
      },
    ];
  });
}

/** The outline of a dhcpd.conf: subnets, shared-networks, groups, pools, classes and hosts, nested. */
export function dhcpSymbols(file: DhcpFile): NestedSymbolSpec[] {
  return outline(file.ast.statements);
}

/** Folding ranges: every `{ … }` body over several lines, and runs of comment lines. */
export function dhcpFoldingSpans(file: DhcpFile): FoldingSpan[] {
  const blocks: Span[] = [];
  const walk = (list: readonly DhcpStatement[]): void => {
    for (const s of list) {
      if (s.bodySpan) blocks.push(s.span);
      if (s.body) walk(s.body);
    }
  };
  walk(file.ast.statements);
  return foldingSpans(file.text, blocks, file.ast.comments);
}
