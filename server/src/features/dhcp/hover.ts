import { formatIpv4, parseIpv4 } from '../../core/ipv4';
import type { DhcpStatement, Word } from '../../formats/dhcp/ast';
import { hostsByAddress, hostsByMac, rangesContaining, subnetOf } from '../../formats/dhcp/model';
import type { KnownOption } from '../../formats/dhcp/option-table';
import { describeFormat, optionTableOf } from '../../formats/dhcp/option-table';
import { SERVER_PARAMETERS } from '../../formats/dhcp/options';
import type { DhcpOptionSpec } from '../../formats/dhcp/options';
import type { DhcpFile } from '../../rules/dhcp/types';
import type { HoverResult } from '../hover';
import { KEYWORD_DOCS } from './keyword-docs';
import { locateInDhcp } from './locate';

/** The Markdown of a standard option or server parameter. */
export function dhcpOptionMarkdown(spec: DhcpOptionSpec): string {
  const title =
    spec.space === 'server'
      ? `**${spec.name}** (dhcpd parameter)`
      : `**option ${spec.space === 'dhcp' ? '' : `${spec.space}.`}${spec.name}** (DHCP option ${spec.code})`;
  const values = spec.values ? ` · values: ${spec.values.map((v) => `\`${v}\``).join(', ')}` : '';
  const source = spec.space === 'server' ? 'dhcpd.conf(5)' : 'dhcp-options(5)';
  return `${title}\n\n${spec.doc}\n\ntype: ${describeFormat(spec.format)}${values}\n\nSource: ${source}`;
}

function knownOptionMarkdown(o: KnownOption): string {
  if (o.spec) return dhcpOptionMarkdown(o.spec);
  const name = o.space === 'dhcp' ? o.name : `${o.space}.${o.name}`;
  return `**option ${name}** (declared in this file: code ${o.code ?? '?'})\n\ntype: \`${o.declaredType ?? describeFormat(o.format)}\``;
}

function optionHover(file: DhcpFile, s: DhcpStatement): HoverResult | undefined {
  if (!s.option) return undefined;
  const table = optionTableOf(file.ast);
  const written = file.text.slice(s.option.span.start, s.option.span.end);
  const found = table.resolve(written).option;
  const markdown = found
    ? knownOptionMarkdown(found)
    : `**option ${written}**: neither a standard option nor declared in this file`;
  return { markdown, span: s.option.span };
}

function addressHover(file: DhcpFile, w: Word): HoverResult | undefined {
  const address = parseIpv4(w.text);
  if (address === undefined) return undefined;
  const m = file.model;
  const subnet = subnetOf(m, address);
  const facts = [
    subnet
      ? `in subnet ${formatIpv4(subnet.network)}/${subnet.prefix ?? '?'} (netmask ${formatIpv4(subnet.mask)})`
      : 'in no subnet declared in this file',
    ...rangesContaining(m, address).map(
      (r) => `inside the dynamic range ${formatIpv4(r.low)}–${formatIpv4(r.high)}`,
    ),
    ...hostsByAddress(m, address).map((h) => `fixed address of host \`${h.name.text}\``),
  ];
  return { markdown: `**${w.text}**\n\n${facts.map((f) => `- ${f}`).join('\n')}`, span: w.span };
}

function macHover(file: DhcpFile, w: Word): HoverResult | undefined {
  if (!/^[0-9a-f]{1,2}(:[0-9a-f]{1,2}){5}$/i.test(w.text)) return undefined;
  const mac = w.text
    .split(':')
    .map((o) => o.padStart(2, '0').toLowerCase())
    .join(':');
  const hosts = hostsByMac(file.model, mac).map((h) => `\`${h.name.text}\``);
  return {
    markdown: `**${mac}**\n\n${hosts.length ? `hardware address of host ${hosts.join(', ')}` : 'no host block has this address'}`,
    span: w.span,
  };
}

/** Hover at an offset of a dhcpd.conf: keywords, parameters, options (declared ones too), addresses, MACs. */
export function hoverDhcp(file: DhcpFile, offset: number): HoverResult | undefined {
  const { statement, word } = locateInDhcp(file, offset);
  if (!statement || !word) return undefined;
  if (statement.option && offset >= statement.option.span.start && offset <= statement.option.span.end)
    return optionHover(file, statement);
  if (word === statement.keyword) {
    const key = word.text.toLowerCase();
    const param = SERVER_PARAMETERS.get(key);
    if (param) return { markdown: dhcpOptionMarkdown(param), span: word.span };
    const doc = KEYWORD_DOCS[key === 'elsif' || key === 'else' ? 'if' : key];
    return doc
      ? { markdown: `**${key}** (dhcpd.conf)\n\n${doc}\n\nSource: dhcpd.conf(5)`, span: word.span }
      : undefined;
  }
  return addressHover(file, word) ?? macHover(file, word);
}
