import type { Finding } from '../../core/finding';
import { othersOf } from '../../core/finding';
import type { Located } from '../../formats/xen/domain';
import type { XenFile } from '../types';

interface Occurrence {
  readonly uri: string;
  readonly at: Located;
}

/** Groups occurrences by key and reports every member of a group of two or more, pointing at the others. */
function reportDuplicates(
  ruleId: string,
  occurrences: readonly Occurrence[],
  describe: (key: string) => string,
): Finding[] {
  const groups = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const list = groups.get(o.at.text);
    if (list) list.push(o);
    else groups.set(o.at.text, [o]);
  }
  const findings: Finding[] = [];
  for (const [key, list] of groups) {
    if (list.length < 2) continue;
    for (const o of list) {
      findings.push({
        ruleId,
        uri: o.uri,
        span: o.at.span,
        message: `${describe(key)} (${list.length} times)`,
        related: othersOf(list, (x) => x !== o).map((x) => ({
          uri: x.uri,
          span: x.at.span,
          message: 'also here',
        })),
      });
    }
  }
  return findings;
}

/** `xen/duplicate-name`: two domains with one name; the second `xl create` fails. */
export function checkDuplicateNames(files: readonly XenFile[]): Finding[] {
  const occurrences = files.flatMap((f) => (f.domain.name ? [{ uri: f.uri, at: f.domain.name }] : []));
  return reportDuplicates(
    'xen/duplicate-name',
    occurrences,
    (n) => `the domain name '${n}' is used by more than one domain config`,
  );
}

/** `xen/duplicate-mac`: two vifs with one MAC, in one or several configs: the bridge delivers frames to one of them. */
export function checkDuplicateMacs(files: readonly XenFile[]): Finding[] {
  const occurrences = files.flatMap((f) => f.domain.macs.map((m) => ({ uri: f.uri, at: m })));
  return reportDuplicates(
    'xen/duplicate-mac',
    occurrences,
    (m) => `the MAC ${m} is given to more than one vif`,
  );
}
