import type { Finding } from '../../core/finding';
import { isMulticastMac, isNormalMac, xlMacPrefix } from '../../core/mac';
import { nearest } from '../../core/text-distance';
import { VIF_KEY_MAP } from '../../formats/xen/vif-keys';
import type { VifPair } from '../../formats/xen/vif';
import type { XenFile } from '../types';

/**
 * `xen/vif`: a malformed `mac=` (xl prints "Invalid parameter `mac'" and keeps the octets it could read,
 * zero-filling the rest: a different MAC than written, so an error), and an unknown key (xl prints
 * "unrecognized argument" and goes on: a warning). Facts from xl-network-configuration(5) and xl 4.17.
 */
export function checkXenVifs(file: XenFile): Finding[] {
  return file.domain.vifs.flatMap((spec) => spec.pairs.flatMap((pair) => checkPair(file, pair)));
}

function checkPair(file: XenFile, pair: VifPair): Finding[] {
  if (!VIF_KEY_MAP.has(pair.key)) {
    const suggestion = nearest(pair.key, VIF_KEY_MAP.keys());
    return [
      {
        ruleId: 'xen/vif',
        severity: 'warning',
        uri: file.uri,
        span: pair.keySpan,
        message: `'${pair.key}' is not a vif key: xl prints "unrecognized argument" and ignores it${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`,
        fixes: suggestion
          ? [
              {
                title: `Rename to '${suggestion}'`,
                edits: [{ uri: file.uri, span: pair.keySpan, newText: suggestion }],
              },
            ]
          : [],
      },
    ];
  }
  if (pair.key === 'mac' && pair.value !== undefined) return checkMac(file, pair, pair.value);
  return [];
}

function checkMac(file: XenFile, pair: VifPair, value: string): Finding[] {
  // A normalised MAC (most are) is what xl keeps: no octets split out and joined again (issue 6).
  return isNormalMac(value) ? checkMulticast(file, pair, value, value) : checkXlMac(file, pair, value);
}

function checkXlMac(file: XenFile, pair: VifPair, value: string): Finding[] {
  const { kept, firstBad } = xlMacPrefix(value);
  if (firstBad !== undefined) {
    const result =
      kept.length === 0
        ? 'no MAC at all (a random one each start)'
        : `the MAC ${[...kept, ...Array(6 - kept.length).fill('00')].join(':')}`;
    return [
      {
        ruleId: 'xen/vif',
        uri: file.uri,
        span: pair.span,
        message: `malformed MAC '${value}': xl keeps only the octets it can read, so this vif gets ${result}`,
      },
    ];
  }
  return checkMulticast(file, pair, value, kept.join(':'));
}

function checkMulticast(file: XenFile, pair: VifPair, value: string, mac: string): Finding[] {
  if (isMulticastMac(mac)) {
    return [
      {
        ruleId: 'xen/vif',
        uri: file.uri,
        span: pair.span,
        message: `'${value}' is a multicast MAC (lowest bit of the first octet set): no network card may use it`,
      },
    ];
  }
  return [];
}
