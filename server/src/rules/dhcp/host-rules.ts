import type { Finding } from '../../core/finding';
import type { Span } from '../../core/text';
import type { DhcpStatement } from '../../formats/dhcp/ast';
import type { DhcpModel, ScopedValue } from '../../formats/dhcp/model';
import { effectiveValue, firstRangeContaining, subnetOf } from '../../formats/dhcp/model';
import { includeMatches } from '../../formats/dhcp/recognise';
import type { DhcpConfiguration } from './configuration';
import type { DhcpFile } from './types';

/** The model of a whole configuration: a lone file's own (no copies of 20,000 hosts), else the files' merged. */
function mergedModel(config: DhcpConfiguration): DhcpModel {
  if (config.files.length === 1 && config.files[0] === config.root) return config.root.model;
  const models = config.files.map((f) => f.model);
  return {
    global: config.root.model.global,
    hosts: models.flatMap((m) => m.hosts),
    subnets: models.flatMap((m) => m.subnets),
    ranges: models.flatMap((m) => m.ranges),
  };
}

/** `dhcp/fixed-address-in-range` and `dhcp/fixed-address-outside-subnet` (W). */
export function checkFixedAddresses(config: DhcpConfiguration): Finding[] {
  const model = mergedModel(config);
  const findings: Finding[] = [];
  for (const file of config.files) {
    // Indexed loops over the hosts (here and below): a command-line check runs them once, in code V8 has not
    // optimised, where `for … of` made an iterator result per host.
    const hosts = file.model.hosts;
    for (let h = 0; h < hosts.length; h++) {
      const host = hosts[h];
      for (const a of host.fixedAddresses) {
        if (a.value === undefined) continue;
        const range = firstRangeContaining(model, a.value);
        if (range) {
          const uri = config.files.find((f) => f.model.ranges.includes(range))?.uri ?? file.uri;
          findings.push({
            ruleId: 'dhcp/fixed-address-in-range',
            uri: file.uri,
            span: a.span,
            message: `${a.text} lies inside a dynamic range: dhcpd may lease it to another client while host '${host.name.text}' holds it`,
            related: [{ uri, span: range.statement.span, message: 'the range' }],
          });
        }
        if (model.subnets.length > 0 && !subnetOf(model, a.value)) {
          findings.push({
            ruleId: 'dhcp/fixed-address-outside-subnet',
            uri: file.uri,
            span: a.span,
            message: `no subnet declaration covers ${a.text}: dhcpd never hands it out`,
          });
        }
      }
    }
  }
  return findings;
}

function holds(file: DhcpFile, statement: DhcpStatement): boolean {
  const walk = (list: readonly DhcpStatement[]): boolean =>
    list.some((s) => s === statement || (s.body !== undefined && walk(s.body)));
  return walk(file.ast.statements);
}

/** `dhcp/no-next-server` (W): a host or class with a boot `filename` and no `next-server` in scope. */
export function checkNextServer(config: DhcpConfiguration): Finding[] {
  const model = mergedModel(config);
  const byStatement = new Map<
    DhcpStatement | string,
    { file: DhcpFile; span: Span; filename: string; who: string[] }
  >();
  const note = (file: DhcpFile, filename: ScopedValue, who: string, fallback: Span): void => {
    const own = holds(file, filename.statement);
    const key = own ? filename.statement : who;
    const entry = byStatement.get(key) ?? {
      file,
      span: own ? filename.statement.span : fallback,
      filename: filename.values[0]?.text ?? '',
      who: [],
    };
    entry.who.push(who);
    byStatement.set(key, entry);
  };
  for (const file of config.files) {
    const hosts = file.model.hosts;
    for (let h = 0; h < hosts.length; h++) {
      const host = hosts[h];
      const filename = effectiveValue(model, 'filename', { host });
      if (filename && !effectiveValue(model, 'next-server', { host }))
        note(file, filename, `host '${host.name.text}'`, host.name.span);
    }
  }
  for (const file of config.files) {
    for (const s of file.ast.statements) {
      if (s.kind !== 'class' || !s.body) continue;
      const filename = s.body.find((c) => c.kind === 'parameter' && c.parameter === 'filename');
      const next =
        s.body.some((c) => c.kind === 'parameter' && c.parameter === 'next-server') ||
        model.global.values.has('next-server');
      if (filename && !next)
        note(
          file,
          { key: 'filename', values: filename.values ?? [], statement: filename },
          `class "${s.name?.text ?? ''}"`,
          s.keyword.span,
        );
    }
  }
  return [...byStatement.values()].map((e) => ({
    ruleId: 'dhcp/no-next-server',
    uri: e.file.uri,
    span: e.span,
    message: `${e.who[0]}${e.who.length > 1 ? ` (and ${e.who.length - 1} more)` : ''} gets the boot file '${e.filename}' but no next-server is in scope: dhcpd sends 0.0.0.0 and the client does not know where to fetch it`,
  }));
}

/** `dhcp/include-not-found` (W): an included file that is not in the workspace. */
export function checkIncludes(files: readonly DhcpFile[], allPaths: readonly string[]): Finding[] {
  return files.flatMap((file) =>
    file.ast.includes
      .filter((inc) => !allPaths.some((p) => includeMatches(file.path, inc.text, p)))
      .map((inc) => ({
        ruleId: 'dhcp/include-not-found',
        uri: file.uri,
        span: inc.span,
        message: `'${inc.text}' is not in the workspace: it is not read (only files inside the workspace are) nor analysed, and dhcpd refuses to start if it is missing on the server too`,
      })),
  );
}
