import { nearest } from '../../core/text-distance';
import type { Finding, FixSpec } from '../../core/finding';
import type { ExportClient, ExportOption, OptionList } from '../../formats/exports/ast';
import { EXPORT_OPTION_MAP, EXPORT_OPTIONS, optionValueProblem } from '../../formats/exports/options';
import { removeOptionFix } from './fixes';
import type { ExportsFile } from './types';
import { EXPORTFS_STOPS } from './types';

/**
 * Checks of the options in each list (support/nfs/exports.c `parseopts`): `exports/unknown-option`,
 * `exports/invalid-option-value` and `exports/conflicting-options`.
 */

/** Every option list of the file: clients' `( … )` and the `-` default lists (made once per analysed file). */
export function optionLists(file: ExportsFile): readonly OptionList[] {
  let lists = listsOf.get(file);
  if (!lists) listsOf.set(file, (lists = collectOptionLists(file)));
  return lists;
}

// Two rules walk the lists of each file: collected once, in loops (nested flatMaps cost more than the rules).
const listsOf = new WeakMap<ExportsFile, readonly OptionList[]>();

function collectOptionLists(file: ExportsFile): OptionList[] {
  const lists: OptionList[] = [];
  for (const e of file.ast.entries)
    for (const i of e.items) {
      if (i.kind === 'defaults') lists.push(i.options);
      else if (i.options) lists.push(i.options);
    }
  return lists;
}

const KNOWN_NAMES = EXPORT_OPTIONS.map((o) => o.name);

function unknownOptionFinding(
  file: ExportsFile,
  o: ExportOption,
  message: string,
  fixes: FixSpec[],
): Finding {
  return {
    ruleId: 'exports/unknown-option',
    uri: file.uri,
    span: o.span,
    message: `${message}; ${EXPORTFS_STOPS}`,
    fixes,
  };
}

function unknownOption(file: ExportsFile, list: OptionList, o: ExportOption): Finding | undefined {
  const spec = EXPORT_OPTION_MAP.get(o.name);
  if (!spec) {
    const near = nearest(o.name, KNOWN_NAMES);
    const hint = near ? ` (did you mean '${near}'?)` : '';
    const fixes: FixSpec[] = near
      ? [
          {
            title: `Change to '${near}'`,
            edits: [{ uri: file.uri, span: o.nameSpan, newText: near }],
            preferred: true,
          },
        ]
      : [];
    fixes.push(removeOptionFix(file, list, o, `Remove '${o.name}'`));
    return unknownOptionFinding(file, o, `exportfs does not know the option '${o.name}'${hint}`, fixes);
  }
  if (spec.form === 'flag' && o.valueSpan) {
    const edit = { uri: file.uri, span: { start: o.nameSpan.end, end: o.span.end }, newText: '' };
    return unknownOptionFinding(
      file,
      o,
      `'${o.name}' takes no value: exportfs reads '${o.name}=${o.value}' as an unknown keyword`,
      [{ title: `Remove '=${o.value}'`, edits: [edit], preferred: true }],
    );
  }
  if (spec.form === 'value' && o.value === undefined) {
    return unknownOptionFinding(
      file,
      o,
      `'${o.name}' needs a value ('${o.name}=…'): alone it is an unknown keyword to exportfs`,
      [],
    );
  }
  return undefined;
}

/** `exports/unknown-option` and `exports/invalid-option-value`. */
export function checkOptionNames(file: ExportsFile): Finding[] {
  const findings: Finding[] = [];
  for (const list of optionLists(file)) {
    for (const slot of list.emptySlots) {
      findings.push({
        ruleId: 'exports/unknown-option',
        uri: file.uri,
        span: slot,
        message: `an empty option before this ',': exportfs reads an empty keyword; ${EXPORTFS_STOPS}`,
        fixes: [
          {
            title: "Remove the extra ','",
            edits: [{ uri: file.uri, span: slot, newText: '' }],
            preferred: true,
          },
        ],
      });
    }
    // exportfs 2.6 reads `squash_uids=0-15,20` as `squash_uids=0-15` and an unknown keyword "20".
    for (const o of list.options) {
      const unknown = unknownOption(file, list, o);
      if (unknown) {
        findings.push(unknown);
        continue;
      }
      // A value only: most options are flags, and need no second lookup.
      if (o.value === undefined) continue;
      const spec = EXPORT_OPTION_MAP.get(o.name);
      const problem = spec ? optionValueProblem(spec, o.value) : undefined;
      if (problem && o.valueSpan) {
        findings.push({
          ruleId: 'exports/invalid-option-value',
          uri: file.uri,
          span: o.valueSpan.start === o.valueSpan.end ? o.span : o.valueSpan,
          message: `${o.name}=: ${problem}; ${EXPORTFS_STOPS}`,
        });
      }
    }
  }
  return findings;
}

/**
 * `exports/conflicting-options`: two flags of one setting (`ro`/`rw`, `sync`/`async`, …) in one list.
 * exportfs applies them in order, so the earlier one has no effect. A `sec=` starts a new segment whose
 * options apply to its flavours only (exports(5)), so flags are compared within a segment.
 */
export function checkConflictingOptions(file: ExportsFile): Finding[] {
  const findings: Finding[] = [];
  // One map for every list, emptied at each (a map per list was most of this rule's cost).
  const seen = new Map<string, ExportOption>();
  for (const list of optionLists(file)) {
    seen.clear();
    for (const o of list.options) {
      if (o.name === 'sec') {
        seen.clear();
        continue;
      }
      const spec = EXPORT_OPTION_MAP.get(o.name);
      if (!spec?.setting || o.value !== undefined) continue;
      const earlier = seen.get(spec.setting);
      seen.set(spec.setting, o);
      if (!earlier || EXPORT_OPTION_MAP.get(earlier.name)?.state === spec.state) continue;
      findings.push({
        ruleId: 'exports/conflicting-options',
        uri: file.uri,
        span: earlier.span,
        message: `'${earlier.name}' has no effect: '${o.name}' later in the list contradicts it and exportfs silently keeps the last`,
        fixes: [
          removeOptionFix(file, list, earlier, `Remove '${earlier.name}' (keep '${o.name}')`, true),
          removeOptionFix(file, list, o, `Remove '${o.name}' (keep '${earlier.name}')`),
        ],
      });
    }
  }
  return findings;
}

/** The options a client gets from the line's `-` lists and its own list, in order. */
export function writtenOptions(client: ExportClient): readonly ExportOption[] {
  // Most clients have no default lists: their own list is what they get (read, never changed).
  if (client.defaults.length === 0) return client.options?.options ?? NO_OPTIONS;
  return [...client.defaults.flatMap((d) => d.options), ...(client.options?.options ?? [])];
}

const NO_OPTIONS: readonly ExportOption[] = Object.freeze([]);
