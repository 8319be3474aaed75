import { KCONFIG_SYMBOLS, KCONFIG_SYMBOL_MAP } from '../../formats/kconfig/symbols';
import type { KconfigRole } from '../../formats/kconfig/symbols';
import type { KconfigFile } from '../../rules/kconfig/types';
import type { CompletionEntry } from '../completion';
import { kconfigSymbolMarkdown } from './hover';

const SNIPPET = 2;

/** The roles an NFS root is about come first in the list. */
const ROLE_ORDER: readonly KconfigRole[] = [
  'nfs-client',
  'autoconfig',
  'xen',
  'nic',
  'network',
  'boot',
  'nfs-server',
  'core',
];

function symbolCompletions(): CompletionEntry[] {
  return KCONFIG_SYMBOLS.filter((s) => s.prompt !== false && !s.gone).map((s) => ({
    label: `CONFIG_${s.name}`,
    kind: 10,
    detail: `${s.type} · ${s.source}`,
    documentation: { kind: 'markdown', value: kconfigSymbolMarkdown(s) },
    insertText: `CONFIG_${s.name}=\${1|${s.type === 'tristate' ? 'y,m,n' : 'y,n'}|}`,
    insertTextFormat: SNIPPET,
    sortText: `${ROLE_ORDER.indexOf(s.role)}${s.name}`,
  }));
}

/**
 * Completion in a `.config`: table symbols at the start of a line (typing `CONFIG_` or the name), and the
 * values a symbol takes after its `=` (y, m, n; y and n for a bool).
 */
export function completeKconfig(file: KconfigFile, offset: number): CompletionEntry[] {
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const before = file.text.slice(lineStart, offset);
  if (/^[A-Z0-9_]*$/.test(before)) return symbolCompletions();
  const m = /^CONFIG_([A-Za-z0-9_]+)=[a-z]*$/.exec(before);
  if (!m) return [];
  const spec = KCONFIG_SYMBOL_MAP.get(m[1]);
  if (spec && spec.type !== 'bool' && spec.type !== 'tristate') return [];
  const values = spec?.type === 'bool' ? ['y', 'n'] : ['y', 'm', 'n'];
  const docs: Record<string, string> = { y: 'built in', m: 'a module', n: 'off' };
  return values.map((v, i) => ({ label: v, kind: 12, detail: docs[v], sortText: String(i) }));
}
