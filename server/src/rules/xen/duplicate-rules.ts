import type { Finding } from '../../core/finding';
import { othersOf } from '../../core/finding';
import type { Located } from '../../formats/xen/domain';
import type { XenFile } from '../types';

interface Occurrence {
  readonly uri: string;
  readonly at: Located;
}

/**
 * Occurrences grouped by their text. Each domain-config edit runs these checks over every config of the site:
 * a key seen once keeps its one occurrence (no list), and only a key seen again gets one.
 */
class Groups {
  /** Every key's first occurrence, in the order keys were first seen (the order of the findings). */
  readonly first = new Map<string, Occurrence>();
  readonly repeated = new Map<string, Occurrence[]>();

  add(uri: string, at: Located): void {
    const list = this.repeated.get(at.text);
    if (list) return void list.push({ uri, at });
    const first = this.first.get(at.text);
    if (first) this.repeated.set(at.text, [first, { uri, at }]);
    else this.first.set(at.text, { uri, at });
  }
}

/** Reports every member of a group of two or more, pointing at the others. */
function reportDuplicates(ruleId: string, groups: Groups, describe: (key: string) => string): Finding[] {
  const findings: Finding[] = [];
  if (groups.repeated.size === 0) return findings;
  for (const key of groups.first.keys()) {
    const list = groups.repeated.get(key);
    if (!list) continue;
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
  const groups = new Groups();
  for (const f of files) if (f.domain.name) groups.add(f.uri, f.domain.name);
  return reportDuplicates(
    'xen/duplicate-name',
    groups,
    (n) => `the domain name '${n}' is used by more than one domain config`,
  );
}

/** `xen/duplicate-mac`: two vifs with one MAC, in one or several configs: the bridge delivers frames to one of them. */
export function checkDuplicateMacs(files: readonly XenFile[]): Finding[] {
  const groups = new Groups();
  for (const f of files) for (const m of f.domain.macs) groups.add(f.uri, m);
  return reportDuplicates('xen/duplicate-mac', groups, (m) => `the MAC ${m} is given to more than one vif`);
}
