import { pathToFileURL } from 'node:url';
import { RULES } from '../rules/catalogue';
import type { CliDiagnostic } from './report';

const LEVEL: Record<CliDiagnostic['severity'], 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/**
 * A report path as a SARIF `uri` (a URI reference, SARIF §3.10.2): relative paths percent-encoded segment by
 * segment (`my domu.cfg` → `my%20domu.cfg`), paths outside the current folder as `file:` URIs.
 */
export function sarifUri(file: string): string {
  if (file.startsWith('/')) return pathToFileURL(file).href;
  return file.split('/').map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0 with one run, the rule catalogue as the driver's rules, and 1-based regions. */
export function formatSarif(
  diagnostics: readonly CliDiagnostic[],
  version: string,
  docsBase: string | undefined,
): string {
  const region = (r: CliDiagnostic['range']): Record<string, number> => ({
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  });
  const rules = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.summary },
    defaultConfiguration: { level: LEVEL[r.severity] },
    ...(docsBase ? { helpUri: `${docsBase}${r.id}.md` } : {}),
  }));
  const results = diagnostics.map((d) => {
    const ruleIndex = RULES.findIndex((r) => r.id === d.code);
    return {
      ruleId: d.code,
      ...(ruleIndex >= 0 ? { ruleIndex } : {}),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        { physicalLocation: { artifactLocation: { uri: sarifUri(d.file) }, region: region(d.range) } },
      ],
      relatedLocations: d.related.map((r, i) => ({
        id: i,
        message: { text: r.message },
        physicalLocation: { artifactLocation: { uri: sarifUri(r.file) }, region: region(r.range) },
      })),
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'xen-nfs-boot', version, rules } }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
