import type { TextEditSpec } from '../../core/finding';
import type { Span } from '../../core/text';
import type { KconfigEdit } from '../../formats/kconfig/model';
import type { KconfigFile } from './types';

/** The edit that removes a whole line, its line break included. */
export function removeLineEdit(file: KconfigFile, line: Span): TextEditSpec {
  const text = file.text;
  let end = line.end;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  const start =
    end === line.end && line.start > 0 && text[line.start - 1] === '\n' ? line.start - 1 : line.start;
  return { uri: file.uri, span: { start, end }, newText: '' };
}

/** Model edits as workspace edits of this file. */
export function fileEdits(file: KconfigFile, edits: readonly KconfigEdit[]): TextEditSpec[] {
  return edits.map((e) => ({ uri: file.uri, span: e.span, newText: e.newText }));
}
