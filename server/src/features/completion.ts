import { IP_FIELDS, KERNEL_PARAMS } from '../formats/cmdline/params';
import type { SubOptionSpec } from '../formats/option-spec';
import { XEN_OPTIONS } from '../formats/xen/options';
import { VIF_KEYS } from '../formats/xen/vif-keys';
import type { XenFile } from '../rules/types';
import { optionMarkdown } from './hover';
import { locateInXen } from './xen-locate';

/** A completion item in LSP's shape (kinds: 10 Property, 12 Value, 5 Field). */
export interface CompletionEntry {
  label: string;
  kind: 5 | 10 | 12;
  detail?: string;
  documentation?: { kind: 'markdown'; value: string };
  insertText?: string;
  insertTextFormat?: 1 | 2;
  sortText?: string;
}

const SNIPPET = 2;

function keyCompletions(file: XenFile): CompletionEntry[] {
  const toolstack = file.domain.toolstack;
  return XEN_OPTIONS.filter((o) => o.toolstacks.includes(toolstack) && !o.deprecated).map((o) => ({
    label: o.name,
    kind: 10,
    detail: `${o.type}${o.default !== undefined ? ` (default ${o.default})` : ''}`,
    documentation: { kind: 'markdown', value: optionMarkdown(o) },
    insertText:
      o.type === 'list'
        ? `${o.name} = [ '$1' ]`
        : o.type === 'string'
          ? `${o.name} = "$1"`
          : `${o.name} = $1`,
    insertTextFormat: SNIPPET,
    // NFS-boot keys first: they are what this extension is for.
    sortText: `${o.boot ? '0' : '1'}${o.name}`,
  }));
}

function subCompletions(specs: readonly SubOptionSpec[], suffix: string): CompletionEntry[] {
  return specs
    .filter((s) => !s.deprecated)
    .map((s) => ({
      label: s.name,
      kind: 5,
      documentation: { kind: 'markdown', value: s.doc },
      insertText: `${s.name}${suffix}`,
    }));
}

function valueCompletions(values: readonly string[]): CompletionEntry[] {
  return values.map((v) => ({ label: v, kind: 12 }));
}

/** Completion at an offset of a Xen domain config. */
export function completeXen(file: XenFile, offset: number): CompletionEntry[] {
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const before = file.text.slice(lineStart, offset);
  if (/^\s*[A-Za-z_0-9]*$/.test(before)) return keyCompletions(file);
  const loc = locateInXen(file, offset);
  if (loc.kind === 'vif' && /(^|,)\s*[a-z]*$/.test(loc.value.value.slice(0, loc.index))) {
    return subCompletions(VIF_KEYS, '=');
  }
  if (loc.kind === 'kernel-param') {
    const upTo = loc.value.value.slice(0, loc.index);
    if (/(^|\s)[a-z_.]*$/.test(upTo)) return subCompletions(KERNEL_PARAMS, '=');
    // The autoconf field: `ip=dhcp` alone, or the seventh colon-separated field.
    const autoconf = IP_FIELDS[6]?.values;
    if (autoconf && /(^|\s)ip=(([^\s:]*:){6})?[a-z]*$/.test(upTo)) return valueCompletions(autoconf);
  }
  const m = /^\s*([a-z_0-9]+)\s*\+?=\s*["']?[\w-]*$/.exec(before);
  const spec = m ? XEN_OPTIONS.find((o) => o.name === m[1]) : undefined;
  if (spec?.values) return valueCompletions(spec.values);
  return [];
}
