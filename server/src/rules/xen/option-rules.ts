import type { Finding } from '../../core/finding';
import { netmaskPrefix, parseIpv4 } from '../../core/ipv4';
import { nearest } from '../../core/text-distance';
import type { OptionSpec, OptionValueType } from '../../formats/option-spec';
import type { Assignment, Value } from '../../formats/xen/ast';
import { XEN_OPTION_MAP } from '../../formats/xen/options';
import { parseXlNumber } from '../../formats/xen/value-parser';
import type { XenFile } from '../types';
import { migrateToXlFix } from './migrate-fix';

/** `xen/unknown-option`, `xen/type`, `xen/invalid-value`, `xen/xm-only-option`, `xen/name-whitespace`. */
export function checkXenOptions(file: XenFile): Finding[] {
  const findings: Finding[] = [];
  for (const st of file.ast.statements) {
    if (st.kind !== 'assignment') continue;
    const spec = XEN_OPTION_MAP.get(st.key.text);
    if (!spec) {
      findings.push(unknownOption(file, st));
      continue;
    }
    if (file.domain.toolstack === 'xl' && !spec.toolstacks.includes('xl')) findings.push(xmOnly(file, st));
    // A `+=` value takes the form of the value it extends, which is checked (a mismatch is xen/syntax).
    if (st.value && st.operator === '=')
      for (const f of checkValue(file, spec, st, st.value)) findings.push(f);
  }
  return findings;
}

function unknownOption(file: XenFile, st: Assignment): Finding {
  const known = [...XEN_OPTION_MAP.keys()].filter((k) =>
    XEN_OPTION_MAP.get(k)?.toolstacks.includes(file.domain.toolstack),
  );
  const suggestion = nearest(st.key.text, known);
  const tool = file.domain.toolstack;
  return {
    ruleId: 'xen/unknown-option',
    uri: file.uri,
    span: st.key.span,
    message: `'${st.key.text}' is not a key ${tool} knows${suggestion ? `: did you mean '${suggestion}'?` : ''} (${tool} ignores it)`,
    fixes: suggestion
      ? [
          {
            title: `Rename to '${suggestion}'`,
            edits: [{ uri: file.uri, span: st.key.span, newText: suggestion }],
            preferred: true,
          },
        ]
      : [],
  };
}

/** xm-only keys that xl at least warns about (tools/xl/xl_parse.c); every other one it passes over silently. */
const XL_WARNS_ABOUT = new Set(['device_model', 'vncviewer', 'vif2']);

function xmOnly(file: XenFile, st: Assignment): Finding {
  const fix = migrateToXlFix(file);
  return {
    ruleId: 'xen/xm-only-option',
    uri: file.uri,
    span: st.key.span,
    message: `'${st.key.text}' is read only by xm (Xen 4.4 and older); xl ignores it${XL_WARNS_ABOUT.has(st.key.text) ? ' (with a warning)' : ' without a word'}`,
    fixes: fix ? [fix] : [],
  };
}

const TYPE_NAMES: Record<OptionValueType, string> = {
  string: 'a quoted string',
  integer: 'a number',
  boolean: '0 or 1',
  list: 'a [ list ]',
  'string-or-list': 'a string or a [ list ]',
};

function fits(type: OptionValueType, v: Value): boolean {
  switch (type) {
    case 'string':
      return v.kind === 'string' || v.kind === 'number';
    case 'integer':
    case 'boolean':
      return v.kind === 'number' || v.kind === 'string';
    case 'list':
      return v.kind === 'list';
    case 'string-or-list':
      return v.kind !== 'expression';
  }
}

const NO_TYPES: readonly OptionValueType[] = [];

function checkValue(file: XenFile, spec: OptionSpec, st: Assignment, v: Value): Finding[] {
  if (v.kind === 'expression') return [];
  // The spec's type and the others it accepts, without an array of them per statement (issue 6).
  const also = spec.alsoAccepts ?? NO_TYPES;
  if (!fits(spec.type, v) && !also.some((t) => fits(t, v))) {
    const found = v.kind === 'list' ? 'a list' : 'a single value';
    const effect = spec.type === 'list' || v.kind === 'list' ? ': xl warns and ignores the setting' : '';
    return [
      typeFinding(file, st, v, `'${st.key.text}' should be ${TYPE_NAMES[spec.type]}, not ${found}${effect}`),
    ];
  }
  if ((spec.type === 'integer' || spec.type === 'boolean') && v.kind !== 'list' && !also.includes('string')) {
    const text = v.kind === 'string' ? v.value : v.text;
    const n = parseXlNumber(text.trim());
    if (n === undefined)
      return [typeFinding(file, st, v, `'${text}' is not a valid number for '${st.key.text}'`)];
    if (spec.min !== undefined && n < spec.min) {
      return [invalid(file, v.span, `'${st.key.text}' must be at least ${spec.min}, not ${n}`)];
    }
  }
  if (v.kind === 'string') return checkStringValue(file, spec, v.value, v.span);
  return [];
}

function typeFinding(file: XenFile, _st: Assignment, v: Value, message: string): Finding {
  return { ruleId: 'xen/type', uri: file.uri, span: v.span, message };
}

function invalid(file: XenFile, span: { start: number; end: number }, message: string): Finding {
  return { ruleId: 'xen/invalid-value', uri: file.uri, span, message };
}

/** Keys whose value is an IPv4 address (xm's network keys). */
const ADDRESS_KEYS = new Set(['ip', 'gateway', 'nfs_server']);

function checkStringValue(
  file: XenFile,
  spec: OptionSpec,
  value: string,
  span: { start: number; end: number },
): Finding[] {
  if (spec.values && !spec.values.includes(value)) {
    const suggestion = nearest(value, spec.values);
    const hint = suggestion ? `did you mean '${suggestion}'? ` : '';
    return [
      invalid(
        file,
        span,
        `'${value}' is not a valid '${spec.name}': ${hint}expected one of ${spec.values.join(', ')}`,
      ),
    ];
  }
  if (ADDRESS_KEYS.has(spec.name) && value !== '' && parseIpv4(value) === undefined) {
    return [invalid(file, span, `'${value}' is not an IPv4 address (${spec.name})`)];
  }
  if (spec.name === 'netmask' && value !== '') {
    const mask = parseIpv4(value);
    if (mask === undefined) return [invalid(file, span, `'${value}' is not a netmask`)];
    if (netmaskPrefix(mask) === undefined)
      return [invalid(file, span, `netmask '${value}' is not contiguous`)];
  }
  if (spec.name === 'name' && value !== value.trim()) return [nameWhitespace(file, value, span)];
  return [];
}

function nameWhitespace(file: XenFile, value: string, span: { start: number; end: number }): Finding {
  const raw = file.text.slice(span.start, span.end);
  const quote = raw[0];
  return {
    ruleId: 'xen/name-whitespace',
    uri: file.uri,
    span,
    message: `the domain name '${value}' has ${value.startsWith(' ') || value.startsWith('\t') ? 'leading' : 'trailing'} white space: the domain gets exactly this name, so commands such as 'xl console ${value.trim()}' will not find it`,
    fixes: [
      {
        title: 'Remove the white space around the name',
        edits: [
          {
            uri: file.uri,
            span,
            newText: `${quote}${value.trim()}${quote === '"' || quote === "'" ? quote : "'"}`,
          },
        ],
        preferred: true,
      },
    ],
  };
}
