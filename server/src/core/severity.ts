/** How serious a finding is; the names are the CLI's and the topology file's. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A severity as a user may set it: a severity, or `off` to silence the rule. */
export type SeverityLevel = Severity | 'off';

/** All severities a user may write, in order of seriousness. */
export const SEVERITY_LEVELS: readonly SeverityLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Whether `s` is a severity level a user may write. */
export function isSeverityLevel(s: unknown): s is SeverityLevel {
  return typeof s === 'string' && (SEVERITY_LEVELS as readonly string[]).includes(s);
}
