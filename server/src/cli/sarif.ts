import { RULES } from '../rules/catalogue';
import type { CliDiagnostic } from './report';

const LEVEL: Record<CliDiagnostic['severity'], 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

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
  const results = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: RULES.findIndex((r) => r.id === d.code),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: d.file }, region: region(d.range) } }],
    relatedLocations: d.related.map((r, i) => ({
      id: i,
      message: { text: r.message },
      physicalLocation: { artifactLocation: { uri: r.file }, region: region(r.range) },
    })),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'xen-nfs-boot', version, rules } }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
