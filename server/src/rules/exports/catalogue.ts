import type { Severity } from '../../core/severity';
import type { RuleInfo } from '../catalogue';

const E: Severity = 'error';
const W: Severity = 'warning';
const I: Severity = 'information';

/** The rules of /etc/exports and /etc/exports.d/*.exports (shared RULES.md, "/etc/exports"). */
export const EXPORTS_RULES: readonly RuleInfo[] = [
  { id: 'exports/syntax', severity: E, summary: 'an exports line that exportfs cannot read' },
  {
    id: 'exports/space-before-options',
    severity: W,
    summary: 'white space between a client and its `(`: the options go to the world',
  },
  { id: 'exports/unknown-option', severity: E, summary: 'an option exportfs does not know' },
  {
    id: 'exports/invalid-option-value',
    severity: E,
    summary: 'a known option with a value exportfs refuses (`anonuid=x`, `fsid=abc`, `sec=krb6`)',
  },
  {
    id: 'exports/conflicting-options',
    severity: W,
    summary: 'contradicting options on one client (`rw`+`ro`, `sync`+`async`, …): exportfs keeps the last',
  },
  {
    id: 'exports/invalid-client',
    severity: E,
    summary: 'a malformed client (bad address, prefix over 32, bad netmask)',
  },
  { id: 'exports/relative-path', severity: E, summary: 'an export path that does not start with `/`' },
  {
    id: 'exports/multiple-fsid-root',
    severity: W,
    summary: 'more than one `fsid=0` export for overlapping clients',
  },
  { id: 'exports/duplicate-client', severity: E, summary: 'the same path exported to the same client twice' },
  { id: 'exports/missing-sync', severity: I, summary: 'neither `sync` nor `async`' },
  {
    id: 'exports/missing-subtree-check',
    severity: I,
    summary: 'neither `subtree_check` nor `no_subtree_check` (exportfs warns)',
  },
  { id: 'exports/world-writable', severity: W, summary: '`rw` to `*` or to no client at all' },
  { id: 'exports/world-no-root-squash', severity: W, summary: '`no_root_squash` to `*`' },
];
