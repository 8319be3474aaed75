import type { Finding, FixSpec } from '../../core/finding';
import { planSymbols, tableExpr } from '../../formats/kconfig/dependency-solver';
import { evaluateKconfigExpr, exprSymbols } from '../../formats/kconfig/expression';
import { settingEdits, tristateValue, versionFromFileName } from '../../formats/kconfig/model';
import type { KconfigSymbolValue } from '../../formats/kconfig/model';
import { KCONFIG_SYMBOL_MAP, symbolCondition } from '../../formats/kconfig/symbols';
import { fileEdits } from './fixes';
import type { KconfigFile } from './types';

/**
 * `kconfig/unmet-dependency`: a table symbol set to y or m while the same file turns off what its Kconfig
 * entry depends on (ROOT_NFS=y with NFS_FS=m: fs/nfs/Kconfig says `depends on NFS_FS=y && IP_PNP`). The
 * next `make olddefconfig` or build lowers it to what its dependencies allow, silently. The table holds
 * Linux 6.1's dependencies, so the check runs only on whole configs of Linux 6.1 or later, where a symbol
 * without a line is n; fragments and older kernels (whose Kconfig differed) are left alone.
 */

/** Whether a version string is Linux 6.1 or later. */
function atLeast61(version: string | undefined): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > 6 || (major === 6 && minor >= 1);
}

function applies(file: KconfigFile): boolean {
  const version = file.model.version?.version ?? versionFromFileName(file.path);
  return file.model.complete && atLeast61(version);
}

/** What the dependencies allow: 2 (y), 1 (m) or 0 (n), and the symbols that hold it down. */
function allowed(file: KconfigFile, condition: string): { hi: number; culprits: string[] } {
  const lookup = (name: string): 0 | 1 | 2 | undefined => tristateValue(file.model, name);
  const expr = tableExpr(condition);
  const hi = evaluateKconfigExpr(expr, lookup).hi;
  const culprits = [...new Set(exprSymbols(expr))].filter((n) => (lookup(n) ?? 2) < 2);
  return { hi, culprits };
}

function fixesFor(file: KconfigFile, v: KconfigSymbolValue): FixSpec[] {
  const plan = planSymbols([{ symbol: v.name, reason: 'keep it' }], (n) =>
    n === v.name ? 0 : tristateValue(file.model, n),
  );
  const settings = plan.settings
    .filter((s) => s.symbol !== v.name)
    .map((s) => ({
      symbol: s.symbol,
      line: `CONFIG_${s.symbol}=y`,
      reason: s.reason,
      current: file.model.symbols.get(s.symbol),
    }));
  const fixes: FixSpec[] = [];
  if (settings.length > 0 && plan.unresolved.length === 0) {
    fixes.push({
      title: `Set what CONFIG_${v.name} depends on: ${settings.map((s) => s.line).join(', ')}`,
      edits: fileEdits(file, settingEdits(file.text, file.model, settings)),
      preferred: true,
    });
  }
  const off = `# CONFIG_${v.name} is not set`;
  fixes.push({ title: `Turn it off: ${off}`, edits: [{ uri: file.uri, span: v.entry.line, newText: off }] });
  return fixes;
}

/** The table's symbols that have dependencies, the only ones this check looks at. */
const CONDITIONED: readonly string[] = [...KCONFIG_SYMBOL_MAP.values()]
  .filter((s) => symbolCondition(s) !== undefined)
  .map((s) => s.name);

/** The check. */
export function checkUnmetDependencies(file: KconfigFile): Finding[] {
  if (!applies(file)) return [];
  const findings: Finding[] = [];
  for (const name of file.model.symbols.setAmong(CONDITIONED)) {
    const spec = KCONFIG_SYMBOL_MAP.get(name);
    const condition = spec && symbolCondition(spec);
    const v = condition ? file.model.symbols.get(name) : undefined; // built only for table symbols
    if (!spec || !condition || !v || (v.state !== 'y' && v.state !== 'm') || v.entry.kind !== 'assignment')
      continue;
    if (spec.type === 'bool' && v.state === 'm') continue; // kconfig/value-type says it
    const need = spec.type === 'tristate' && v.state === 'y' ? 2 : 1;
    const { hi, culprits } = allowed(file, condition);
    if (hi >= need) continue;
    const result = hi === 0 ? 'n' : 'm';
    const why = culprits.map((c) => `CONFIG_${c} ${describe(file, c)}`).join(', ');
    findings.push({
      ruleId: 'kconfig/unmet-dependency',
      uri: file.uri,
      span: v.entry.value.valueSpan,
      message: `CONFIG_${v.name}=${v.state} will be ${result}: it depends on ${condition} (${spec.source}), and ${why}`,
      related: culprits.flatMap((c) => {
        const line = file.model.symbols.get(c)?.entry.line;
        return line ? [{ uri: file.uri, span: line, message: `CONFIG_${c}` }] : [];
      }),
      fixes: fixesFor(file, v),
    });
  }
  return findings;
}

function describe(file: KconfigFile, name: string): string {
  const v = file.model.symbols.get(name);
  if (!v) return 'has no line (n)';
  return v.entry.kind === 'not-set' ? 'is not set' : `is ${v.text}`;
}
