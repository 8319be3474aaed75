import type { Finding } from '../../core/finding';
import { MAX_RELATED, othersOf } from '../../core/finding';
import { LineIndex } from '../../core/text';
import { removeLineEdit } from './fixes';
import type { KconfigFile } from './types';

/**
 * `kconfig/duplicate-symbol`: a symbol set on more than one line. conf keeps the last one and warns
 * "override: reassigning to symbol X" (scripts/kconfig/confdata.c `conf_read_simple`). Every occurrence is
 * reported, each pointing at the others; the fix removes the earlier lines, which have no effect.
 */
export function checkDuplicateSymbols(file: KconfigFile): Finding[] {
  const findings: Finding[] = [];
  let index: LineIndex | undefined; // built only when a symbol is repeated
  const lineNo = (offset: number): number => (index ??= new LineIndex(file.text)).position(offset).line + 1;
  for (const name of file.model.symbols.repeated()) {
    const value = file.model.symbols.get(name);
    if (!value) continue;
    const all = value.occurrences;
    const last = all[all.length - 1];
    const earlier = all.slice(0, -1);
    const effective = `'${file.text.slice(last.line.start, last.line.end)}' on line ${lineNo(last.line.start)}`;
    all.forEach((occ) => {
      const isLast = occ === last;
      const others = othersOf(all, (o) => o !== occ);
      findings.push({
        ruleId: 'kconfig/duplicate-symbol',
        uri: file.uri,
        span: occ.nameSpan,
        message: isLast
          ? `CONFIG_${value.name} is also set on line ${lineList(earlier.map((o) => lineNo(o.line.start)))}: this last line wins`
          : `CONFIG_${value.name} is set again later, and conf keeps the last line (${effective}): this line has no effect`,
        related: others.map((o) => ({
          uri: file.uri,
          span: o.nameSpan,
          message: o === last ? 'the line that wins' : 'also set here',
        })),
        fixes: [
          {
            title: isLast
              ? `Remove the earlier CONFIG_${value.name} line${earlier.length > 1 ? 's' : ''}`
              : 'Remove this line',
            edits: (isLast ? earlier : [occ]).map((o) => removeLineEdit(file, o.line)),
            preferred: !isLast,
          },
        ],
      });
    });
  }
  return findings;
}

/** Line numbers for a message: the first few, then how many more (a symbol may be set thousands of times). */
function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, MAX_RELATED).join(', ');
  return lines.length > MAX_RELATED ? `${shown} and ${lines.length - MAX_RELATED} more lines` : shown;
}
