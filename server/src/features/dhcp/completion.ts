import { statementKeywords } from '../../formats/dhcp/declarations';
import { optionTableOf } from '../../formats/dhcp/option-table';
import { SERVER_PARAMETERS } from '../../formats/dhcp/options';
import type { DhcpFile } from '../../rules/dhcp/types';
import type { CompletionEntry } from '../completion';
import { dhcpOptionMarkdown } from './hover';
import { KEYWORD_DOCS } from './keyword-docs';

function optionNames(file: DhcpFile): CompletionEntry[] {
  const table = optionTableOf(file.ast);
  const options = table.spaceNames().flatMap((space) => (space === 'server' ? [] : table.optionsOf(space)));
  return [
    { label: 'space', kind: 12, detail: 'declare an option space' },
    ...options.map((o): CompletionEntry => {
      const label = o.space === 'dhcp' ? o.name : `${o.space}.${o.name}`;
      return {
        label,
        kind: 10,
        detail: o.declared
          ? `declared: code ${o.code ?? '?'} = ${o.declaredType ?? ''}`
          : `code ${o.code ?? '?'}`,
        documentation: o.spec ? { kind: 'markdown', value: dhcpOptionMarkdown(o.spec) } : undefined,
        sortText: `${o.spec?.boot || o.declared ? '0' : '1'}${label}`,
      };
    }),
  ];
}

function spaceNames(file: DhcpFile): CompletionEntry[] {
  return file.ast.declaredSpaces.map((s) => ({
    label: s.text,
    kind: 12,
    detail: 'option space declared in this file',
  }));
}

function keywords(): CompletionEntry[] {
  return statementKeywords().map((k) => {
    const spec = SERVER_PARAMETERS.get(k);
    const doc = spec ? dhcpOptionMarkdown(spec) : KEYWORD_DOCS[k];
    return {
      label: k,
      kind: 5,
      documentation: doc ? { kind: 'markdown', value: doc } : undefined,
      sortText: `${spec?.boot ? '0' : '1'}${k}`,
    };
  });
}

/** Completion at an offset of a dhcpd.conf: keywords at a statement's start, option names after `option`. */
export function completeDhcp(file: DhcpFile, offset: number): CompletionEntry[] {
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const before = file.text.slice(lineStart, offset);
  if (/(^|[;{}])\s*vendor-option-space\s+[\w-]*$/.test(before)) return spaceNames(file);
  if (
    /(^|[;{}]|\bmatch if\b.*\()\s*option\s+[\w.-]*$/.test(before) ||
    /\b(option|exists)\s+[\w.-]*$/.test(before)
  )
    return optionNames(file);
  if (/(^|[;{}])\s*[\w-]*$/.test(before)) return keywords();
  return [];
}
