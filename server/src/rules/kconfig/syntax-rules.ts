import type { Finding } from '../../core/finding';
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

/** Indented settings lose their indentation; a misspelt "is not set" line gets conf's exact form. */
function issueFix(file: KconfigFile, span: { start: number; end: number }): Finding['fixes'] {
  const body = file.text.slice(span.start, span.end);
  const indented = /^\s+((?:# )?CONFIG_\w+(?:=.*| is not set))$/.exec(body);
  if (indented) {
    const fixed = indented[1];
    return [{ title: `Write '${fixed}'`, edits: [{ uri: file.uri, span, newText: fixed }], preferred: true }];
  }
  const notSet = /^#\s*(CONFIG_\w+)\s+is\s+not\s+set\s*$/.exec(body);
  if (notSet) {
    const fixed = `# ${notSet[1]} is not set`;
    return [{ title: `Write '${fixed}'`, edits: [{ uri: file.uri, span, newText: fixed }], preferred: true }];
  }
  return undefined;
}
