import type { Finding } from '../../core/finding';
import type { ExportsFile } from './types';
import { EXPORTFS_STOPS } from './types';

/** `exports/syntax`: what exportfs's reader rejects (support/nfs/exports.c `getexportent`, xio.c). */
export function checkExportsSyntax(file: ExportsFile): Finding[] {
  return file.ast.issues.map((issue) => ({
    ruleId: 'exports/syntax',
    uri: file.uri,
    span: issue.span,
    message: issue.message.includes('stops reading') ? issue.message : `${issue.message}; ${EXPORTFS_STOPS}`,
  }));
}

/** `exports/relative-path`: exportfs stats the path as given, so a relative one fails ("Failed to stat"). */
export function checkRelativePaths(file: ExportsFile): Finding[] {
  const findings: Finding[] = [];
  for (const entry of file.ast.entries) {
    const path = entry.path;
    if (path.value.startsWith('/')) continue;
    const absolute = path.raw.startsWith('"') ? `"/${path.raw.slice(1)}` : `/${path.raw}`;
    findings.push({
      ruleId: 'exports/relative-path',
      uri: file.uri,
      span: path.span,
      message: `'${path.value}' is not an absolute path: exportfs cannot export it (it fails with "Failed to stat")`,
      fixes: /^["\w.]/.test(path.raw)
        ? [
            {
              title: `Make it absolute: ${absolute}`,
              edits: [{ uri: file.uri, span: path.span, newText: absolute }],
            },
          ]
        : undefined,
    });
  }
  return findings;
}
