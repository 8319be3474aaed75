import type { Finding, FixSpec } from '../../core/finding';
import type { Span } from '../../core/text';
import type { ExportClient, ExportEntry, ExportOption } from '../../formats/exports/ast';
import { coversEveryone, describeCoverage, parseClient } from '../../formats/exports/clients';
import type { ClientSpec } from '../../formats/exports/clients';
import { EXPORT_OPTION_MAP } from '../../formats/exports/options';
import { addOptionFix } from './fixes';
import { writtenOptions } from './option-rules';
import type { ExportsFile } from './types';

/**
 * Checks of each client of each export: what it covers and the options it ends up with. A line with no
 * client at all (`/srv/x` or `/srv/x -rw`) exports to every host (support/nfs/exports.c: an empty
 * client is the anonymous one), so it is checked as a client `*`.
 */

/** One export target: a client, or the implicit world of a line without clients. */
export interface ExportTarget {
  readonly entry: ExportEntry;
  readonly client: ExportClient | undefined;
  readonly spec: ClientSpec;
  readonly written: readonly ExportOption[];
  /** Where a finding about the target as a whole sits. */
  readonly span: Span;
}

// Every rule of the file walks its targets: built once per analysed file.
const targetsOf = new WeakMap<ExportsFile, readonly ExportTarget[]>();

/** Every target of the file, in order. */
export function exportTargets(file: ExportsFile): readonly ExportTarget[] {
  let targets = targetsOf.get(file);
  if (!targets) targetsOf.set(file, (targets = buildTargets(file)));
  return targets;
}

function buildTargets(file: ExportsFile): ExportTarget[] {
  const anyone = parseClient('');
  const targets: ExportTarget[] = [];
  for (const entry of file.ast.entries) {
    if (entry.clients.length === 0) {
      const written = entry.defaults.flatMap((d) => d.options);
      targets.push({ entry, client: undefined, spec: anyone, written, span: entry.path.span });
      continue;
    }
    for (const client of entry.clients)
      targets.push({
        entry,
        client,
        spec: client.spec,
        written: writtenOptions(client),
        span: client.host?.span ?? client.options?.span ?? client.span,
      });
  }
  return targets;
}

/** The last written option of a setting, with its state. */
function lastOfSetting(written: readonly ExportOption[], setting: string): ExportOption | undefined {
  let last: ExportOption | undefined;
  for (const o of written) {
    if (o.value === undefined && EXPORT_OPTION_MAP.get(o.name)?.setting === setting) last = o;
  }
  return last;
}

/** `exports/invalid-client`: a client exportfs cannot use (bad address, prefix, netmask, name). */
export function checkInvalidClients(file: ExportsFile): Finding[] {
  const findings: Finding[] = [];
  for (const { client, spec } of exportTargets(file)) {
    if (!client?.host) continue;
    if (spec.kind === 'invalid') {
      findings.push({
        ruleId: 'exports/invalid-client',
        uri: file.uri,
        span: client.host.span,
        message: `${spec.reason}: exportfs drops this client from the export table`,
      });
    } else if (spec.kind === 'ipv4-network' && spec.text.endsWith('/')) {
      findings.push({
        ruleId: 'exports/invalid-client',
        uri: file.uri,
        span: client.host.span,
        severity: 'warning',
        message: `'${spec.text}' has an empty prefix: exportfs reads it as /0, which is every host`,
      });
    } else if (spec.kind === 'ipv4-network' && spec.prefix === undefined) {
      findings.push({
        ruleId: 'exports/invalid-client',
        uri: file.uri,
        span: client.host.span,
        severity: 'warning',
        message: `the netmask of '${spec.text}' is not contiguous; exportfs accepts it and matches ${describeCoverage(spec)}`,
      });
    }
  }
  return findings;
}

/** `exports/space-before-options`: `host (rw)` exports to `host` with defaults and to the world with `rw`. */
export function checkSpaceBeforeOptions(file: ExportsFile): Finding[] {
  const findings: Finding[] = [];
  for (const entry of file.ast.entries) {
    entry.clients.forEach((client, i) => {
      const detached = client.detached;
      const list = client.options;
      if (!detached || !list) return;
      const opts = file.text.slice(list.span.start, list.span.end);
      const previous = entry.clients[i - 1];
      const fix: FixSpec =
        detached.after === 'client' && previous?.host
          ? {
              title: `Remove the space: ${previous.host.text}${opts}`,
              edits: [{ uri: file.uri, span: detached.gap, newText: '' }],
              preferred: true,
            }
          : {
              title: `Export to every host explicitly: *${opts}`,
              edits: [
                { uri: file.uri, span: { start: list.span.start, end: list.span.start }, newText: '*' },
              ],
            };
      const message =
        detached.after === 'client' && previous?.host
          ? `white space between '${previous.host.text}' and '${opts}': exportfs exports to '${previous.host.text}' with default options and to every host (*) with '${opts}'`
          : `'${opts}' follows white space with no client before it: exportfs exports it to every host (*)`;
      findings.push({
        ruleId: 'exports/space-before-options',
        uri: file.uri,
        span: list.span,
        message,
        fixes: [fix],
      });
    });
  }
  return findings;
}

/** `exports/world-writable` and `exports/world-no-root-squash`: risky options for every host. */
export function checkWorldExports(file: ExportsFile): Finding[] {
  const findings: Finding[] = [];
  for (const t of exportTargets(file)) {
    if (!coversEveryone(t.spec)) continue;
    const who = t.client?.host ? `'${t.client.host.text}' (every host)` : 'every host';
    const access = lastOfSetting(t.written, 'access');
    if (access?.name === 'rw') {
      findings.push({
        ruleId: 'exports/world-writable',
        uri: file.uri,
        span: access.span,
        message: `'${t.entry.path.value}' is exported read-write to ${who}`,
      });
    }
    const squash = lastOfSetting(t.written, 'root-squash');
    if (squash?.name === 'no_root_squash') {
      findings.push({
        ruleId: 'exports/world-no-root-squash',
        uri: file.uri,
        span: squash.span,
        message: `'${t.entry.path.value}' gives root access to ${who}: any machine's root is root on this tree`,
      });
    }
  }
  return findings;
}

/**
 * `exports/missing-sync` and `exports/missing-subtree-check`: a setting left to exportfs's default.
 * nfs-utils 2.6 warns about the subtree check ("Neither 'subtree_check' or 'no_subtree_check' specified")
 * and about a client with no options ("No options for …: suggest host(sync)").
 */
export function checkMissingDefaults(file: ExportsFile): Finding[] {
  const findings: Finding[] = [];
  for (const t of exportTargets(file)) {
    if (t.spec.kind === 'invalid') continue; // exports/invalid-client says it all
    const who = t.client?.host ? `'${t.client.host.text}'` : 'every host';
    if (!lastOfSetting(t.written, 'writes')) {
      findings.push(
        missing(
          file,
          t,
          'exports/missing-sync',
          'sync',
          `neither 'sync' nor 'async' for ${who}: the default is 'sync' (very old exportfs defaulted to 'async')`,
        ),
      );
    }
    if (!lastOfSetting(t.written, 'subtree')) {
      findings.push(
        missing(
          file,
          t,
          'exports/missing-subtree-check',
          'no_subtree_check',
          `neither 'subtree_check' nor 'no_subtree_check' for ${who}: exportfs warns and assumes 'no_subtree_check'`,
        ),
      );
    }
  }
  return findings;
}

function missing(
  file: ExportsFile,
  t: ExportTarget,
  ruleId: string,
  option: string,
  message: string,
): Finding {
  // `host (rw)`: adding `(sync)` to `host` would hide the real problem (exports/space-before-options).
  const end = t.client?.span.end ?? 0;
  const beforeDetached = /^[ \t]+\(/.test(file.text.slice(end, end + 64));
  const fix =
    t.client && !t.client.detached && !beforeDetached ? addOptionFix(file, t.client, option) : undefined;
  return { ruleId, uri: file.uri, span: t.span, message, fixes: fix ? [fix] : undefined };
}
