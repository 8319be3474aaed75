import type { Finding, FixSpec } from '../../core/finding';
import type { KconfigFile } from './types';

/**
 * `kconfig/syntax`: lines Linux 6.1's conf cannot read (scripts/kconfig/confdata.c `conf_read_simple`): it
 * warns "unexpected data" and ignores them, so the setting written there never reaches the build. A
 * misspelt `#CONFIG_X is not set` is only a comment to conf: a warning under the same ID.
 */
export function checkKconfigSyntax(file: KconfigFile): Finding[] {
  return file.ast.issues.map((issue) => ({
    ruleId: 'kconfig/syntax',
    uri: file.uri,
    span: issue.span,
    message: issue.message,
    severity: issue.severity,
    fixes: issueFix(file, issue.span),
  }));
}

/**
 * Indented settings lose their indentation; a misspelt or indented "is not set" line gets conf's exact form,
 * `# CONFIG_X is not set` (confdata.c needs '#', one space, `CONFIG_`, the name, one space, "is not set").
 * The fix rewrites the whole physical line as conf reads it (up to '\n', like fgets): what the parser took
 * for the start of the line may follow a lone CR or a '#' that conf sees as part of the same line.
 */
function issueFix(file: KconfigFile, span: { start: number; end: number }): Finding['fixes'] {
  const lineStart = file.text.lastIndexOf('\n', span.start - 1) + 1;
  const prefix = file.text.slice(lineStart, span.start);
  const body = file.text.slice(span.start, span.end);
  const whole = { start: lineStart, end: span.end };
  const setting = /^\s+((?:# )?CONFIG_\w+=.*)$/.exec(body);
  if (setting && /^\s*$/.test(prefix)) return [writeFix(file, whole, setting[1])];
  const notSet = /^[\s#]*(CONFIG_\w+)[^\S\n]+is[^\S\n]+not[^\S\n]+set\s*$/.exec(prefix + body);
  if (notSet && /^[\s#]*$/.test(prefix)) return [writeFix(file, whole, `# ${notSet[1]} is not set`)];
  return undefined;
}

function writeFix(file: KconfigFile, span: { start: number; end: number }, fixed: string): FixSpec {
  return { title: `Write '${fixed}'`, edits: [{ uri: file.uri, span, newText: fixed }], preferred: true };
}
