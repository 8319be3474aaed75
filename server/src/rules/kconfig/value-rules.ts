import type { Finding, FixSpec } from '../../core/finding';
import type { KconfigAssignment, KconfigValue } from '../../formats/kconfig/ast';
import { KCONFIG_SYMBOL_MAP } from '../../formats/kconfig/symbols';
import type { KconfigType } from '../../formats/kconfig/symbols';
import type { KconfigFile } from './types';

/**
 * `kconfig/invalid-value` and `kconfig/value-type`: values conf cannot use (scripts/kconfig/confdata.c
 * `conf_set_sym_val`, symbol.c `sym_string_valid`). conf warns "symbol value '…' invalid for X" and ignores
 * the line, so the symbol keeps its default. For a bool or tristate conf reads only the first letter, so
 * `yes` works as y: a warning, since no tool writes it and an int or string symbol would reject it.
 */

function replaceFix(
  file: KconfigFile,
  span: { start: number; end: number },
  newText: string,
  title: string,
): FixSpec {
  return { title, edits: [{ uri: file.uri, span, newText }], preferred: true };
}

function invalidValue(file: KconfigFile, a: KconfigAssignment): Finding | undefined {
  const v = a.value;
  const base = { ruleId: 'kconfig/invalid-value', uri: file.uri };
  const notSet = `# CONFIG_${a.name} is not set`;
  if (v.kind === 'empty') {
    return {
      ...base,
      span: a.line,
      message: `no value after 'CONFIG_${a.name}=': conf ignores the line; write '${notSet}' to turn the symbol off`,
      fixes: [replaceFix(file, a.line, notSet, `Write '${notSet}'`)],
    };
  }
  if (v.kind !== 'invalid') return trailingText(file, a);
  if (/^\s/.test(v.raw)) {
    const trimmed = v.raw.trim();
    return {
      ...base,
      span: v.span,
      message: `conf reads the value with its leading blank ('${v.raw}'), which no symbol type accepts`,
      fixes: [replaceFix(file, v.span, trimmed, `Write 'CONFIG_${a.name}=${trimmed}'`)],
    };
  }
  if (v.raw.startsWith('"')) {
    return {
      ...base,
      span: v.span,
      message: 'the string has no closing quote: conf ignores the line ("invalid string found")',
    };
  }
  const letter = v.raw[0];
  if (letter === 'y' || letter === 'm' || letter === 'n') {
    return {
      ...base,
      span: v.valueSpan,
      severity: 'warning',
      message: `'${v.raw}' is not a value conf writes: for a bool or tristate it reads only the first letter (${letter}), an int, hex or string symbol rejects it`,
      fixes: [replaceFix(file, v.span, letter, `Write 'CONFIG_${a.name}=${letter}'`)],
    };
  }
  return {
    ...base,
    span: v.span,
    message: `'${v.raw}' is not y, m, n, a number, a 0x hex number or a quoted string: conf ignores the line ("symbol value invalid")`,
  };
}

/** Text after a value: conf ignores it after a tristate letter or a string, and rejects the number. */
function trailingText(file: KconfigFile, a: KconfigAssignment): Finding | undefined {
  const v = a.value;
  if (!v.trailing) return undefined;
  const rest = { start: v.valueSpan.end, end: v.span.end };
  const numeric = v.kind === 'number' || v.kind === 'hex';
  return {
    ruleId: 'kconfig/invalid-value',
    uri: file.uri,
    span: v.trailing,
    severity: numeric ? undefined : 'warning',
    message: numeric
      ? `text after the number: conf reads '${v.raw}' as the value and rejects it ("symbol value invalid")`
      : `text after the value: conf ignores it here, but a .config has no trailing comments`,
    fixes: [replaceFix(file, rest, '', 'Remove the text after the value')],
  };
}

/** Whether a (well-formed) value fits a symbol type, as conf_set_sym_val and sym_string_valid decide. */
function fits(type: KconfigType, v: KconfigValue): boolean {
  switch (type) {
    case 'bool':
      return v.kind === 'tristate' && v.tristate !== 'm';
    case 'tristate':
      return v.kind === 'tristate';
    case 'int':
      return v.kind === 'number' && /^-?(0|[1-9][0-9]*)$/.test(v.text ?? '');
    case 'hex':
      return v.kind === 'hex' || (v.kind === 'number' && !(v.text ?? '').startsWith('-'));
    case 'string':
      return v.kind === 'string';
  }
}

function valueType(file: KconfigFile, a: KconfigAssignment): Finding | undefined {
  const spec = KCONFIG_SYMBOL_MAP.get(a.name);
  const v = a.value;
  if (!spec || spec.gone || v.kind === 'invalid' || v.kind === 'empty' || fits(spec.type, v))
    return undefined;
  const m = spec.type === 'bool' && v.tristate === 'm';
  const message = m
    ? `CONFIG_${a.name} is a bool: it cannot be a module (m); conf ignores the line and the symbol keeps its default`
    : `CONFIG_${a.name} is a ${spec.type}, and '${v.raw.trim()}' is not a ${spec.type} value: conf ignores the line ("symbol value invalid")`;
  const fixes: FixSpec[] = [];
  if (m) fixes.push(replaceFix(file, v.valueSpan, 'y', `Write 'CONFIG_${a.name}=y'`));
  return { ruleId: 'kconfig/value-type', uri: file.uri, span: v.valueSpan, message, fixes };
}

/** Both value checks, on every assignment. */
export function checkKconfigValues(file: KconfigFile): Finding[] {
  const findings: Finding[] = [];
  const entries = file.ast.entries;
  for (let i = 0; i < entries.length; i++) {
    if (!entries.isAssignment(i)) continue;
    // The common line (a value conf reads, of a symbol outside the table) has nothing to say: its node is
    // not built.
    if (entries.isPlainValue(i) && !KCONFIG_SYMBOL_MAP.has(entries.name(i))) continue;
    const e = entries.at(i) as KconfigAssignment;
    const f = invalidValue(file, e) ?? valueType(file, e);
    if (f) findings.push(f);
  }
  return findings;
}
