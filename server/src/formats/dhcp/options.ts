/**
 * The option table of dhcpd.conf: the standard DHCPv4 options of dhcp-options(5) and the server parameters of
 * dhcpd.conf(5), each with its code and its value format. Formats use dhcpd's own letters (common/tables.c,
 * server/stables.c of ISC DHCP 4.4; checked with `dhcpd -t` 4.4.3): I address or host name, t text, X string
 * or hex bytes, B/S/L unsigned 8/16/32-bit, b/s/l signed, T lease time, f flag, d domain name, D domain list,
 * U option-space name, N enumeration, E encapsulation, 6 IPv6 address, A array of the whole record before it,
 * a array of the last item, o optional last item. Docs are this project's own words.
 */

/** One option or server parameter. */
export interface DhcpOptionSpec {
  readonly name: string;
  /** The option space: `dhcp` for DHCP options, `server` for dhcpd's own parameters, or another space. */
  readonly space: string;
  readonly code: number;
  /** dhcpd's format letters (see the file comment). */
  readonly format: string;
  /** Markdown, in this project's words. */
  readonly doc: string;
  /** Values for an enumeration (`N` format). */
  readonly values?: readonly string[];
  /** Options that matter to a network boot come first in completion. */
  readonly boot?: boolean;
}

type Row = readonly [name: string, code: number, format: string, doc: string, boot?: boolean];

const SERVERS = (what: string): string => `IP addresses (or host names) of ${what}, in order of preference.`;

/** DHCP options (dhcp-options(5); codes from RFC 2132 and later RFCs). */
const DHCP_ROWS: readonly Row[] = [
  [
    'subnet-mask',
    1,
    'I',
    "The client's subnet mask. dhcpd sends the mask of the subnet declaration if unset.",
  ],
  ['time-offset', 2, 'l', "Offset of the client's subnet from UTC, in seconds (signed)."],
  ['routers', 3, 'IA', "Default gateways on the client's subnet, in order of preference.", true],
  ['time-servers', 4, 'IA', SERVERS('RFC 868 time servers')],
  ['ien116-name-servers', 5, 'IA', SERVERS('IEN 116 name servers')],
  ['domain-name-servers', 6, 'IA', SERVERS('DNS servers')],
  ['log-servers', 7, 'IA', SERVERS('MIT-LCS UDP log servers')],
  ['cookie-servers', 8, 'IA', SERVERS('RFC 865 cookie servers')],
  ['lpr-servers', 9, 'IA', SERVERS('line printer servers')],
  ['impress-servers', 10, 'IA', SERVERS('Imagen Impress servers')],
  ['resource-location-servers', 11, 'IA', SERVERS('RFC 887 resource location servers')],
  ['host-name', 12, 't', 'The name of the client (without domain). Often set per `host` block.', true],
  ['boot-size', 13, 'S', 'Size of the default boot image, in 512-byte blocks.'],
  ['merit-dump', 14, 't', 'Path where the client should dump core.'],
  ['domain-name', 15, 't', 'The domain name the client should use for DNS resolution.'],
  ['swap-server', 16, 'I', "Address of the client's swap server."],
  [
    'root-path',
    17,
    't',
    "The path of the client's root disk. For an NFS root: `server:/path`; the Linux kernel uses it when " +
      '`nfsroot=` does not name a server, and takes a server from it only as a numeric `a.b.c.d:` prefix.',
    true,
  ],
  ['extensions-path', 18, 't', 'A file (fetched with TFTP) holding more options.'],
  ['ip-forwarding', 19, 'f', 'Whether the client should forward IP packets.'],
  [
    'non-local-source-routing',
    20,
    'f',
    'Whether the client should forward non-local source-routed datagrams.',
  ],
  ['policy-filter', 21, 'IIA', 'Address/mask pairs filtering non-local source routes.'],
  ['max-dgram-reassembly', 22, 'S', 'Largest datagram the client should reassemble.'],
  ['default-ip-ttl', 23, 'B', 'Default time-to-live of outgoing datagrams.'],
  ['path-mtu-aging-timeout', 24, 'L', 'Seconds before path MTU values discovered by RFC 1191 age out.'],
  ['path-mtu-plateau-table', 25, 'SA', 'MTU sizes for path MTU discovery.'],
  ['interface-mtu', 26, 'S', 'MTU of the interface (at least 68).'],
  ['all-subnets-local', 27, 'f', 'Whether all subnets share the MTU of the local one.'],
  ['broadcast-address', 28, 'I', "Broadcast address of the client's subnet."],
  ['perform-mask-discovery', 29, 'f', 'Whether the client should discover its mask with ICMP.'],
  ['mask-supplier', 30, 'f', 'Whether the client should answer ICMP mask requests.'],
  ['router-discovery', 31, 'f', 'Whether the client should solicit routers (RFC 1256).'],
  ['router-solicitation-address', 32, 'I', 'Where the client sends router solicitations.'],
  ['static-routes', 33, 'IIA', 'Destination/router pairs of classful static routes.'],
  ['trailer-encapsulation', 34, 'f', 'Whether the client should negotiate ARP trailers.'],
  ['arp-cache-timeout', 35, 'L', 'Lifetime of ARP cache entries, in seconds.'],
  ['ieee802-3-encapsulation', 36, 'f', 'Whether to use IEEE 802.3 instead of Ethernet II framing.'],
  ['default-tcp-ttl', 37, 'B', 'Default TTL of TCP segments.'],
  ['tcp-keepalive-interval', 38, 'L', 'Seconds between TCP keepalive messages (0: none).'],
  ['tcp-keepalive-garbage', 39, 'f', 'Whether keepalives carry a garbage octet.'],
  ['nis-domain', 40, 't', 'The NIS domain.'],
  ['nis-servers', 41, 'IA', SERVERS('NIS servers')],
  ['ntp-servers', 42, 'IA', SERVERS('NTP servers')],
  [
    'vendor-encapsulated-options',
    43,
    'E.',
    'Vendor-specific data, usually built from `vendor-option-space`.',
  ],
  ['netbios-name-servers', 44, 'IA', SERVERS('NetBIOS name servers (WINS)')],
  ['netbios-dd-server', 45, 'IA', SERVERS('NetBIOS datagram distribution servers')],
  ['netbios-node-type', 46, 'B', 'NetBIOS node type: 1 B-node, 2 P-node, 4 M-node, 8 H-node.'],
  ['netbios-scope', 47, 't', 'NetBIOS over TCP/IP scope.'],
  ['font-servers', 48, 'IA', SERVERS('X Window font servers')],
  ['x-display-manager', 49, 'IA', SERVERS('X display managers')],
  ['dhcp-requested-address', 50, 'I', 'Sent by clients: the address they ask for. Not for server configs.'],
  ['dhcp-lease-time', 51, 'L', 'The lease time sent; normally set with `default-lease-time` instead.'],
  ['dhcp-option-overload', 52, 'B', 'Whether `file`/`sname` carry options. Set by dhcpd itself.'],
  ['dhcp-message-type', 53, 'B', 'The DHCP message type. Set by dhcpd itself.'],
  ['dhcp-server-identifier', 54, 'I', 'The address dhcpd identifies itself with (see `server-identifier`).'],
  ['dhcp-parameter-request-list', 55, 'BA', 'Option codes the client asks for; may override what is sent.'],
  ['dhcp-message', 56, 't', 'An error message sent with a DHCPNAK.'],
  ['dhcp-max-message-size', 57, 'S', 'Largest DHCP message the client accepts.'],
  ['dhcp-renewal-time', 58, 'L', 'Seconds until the client starts renewing (T1).'],
  ['dhcp-rebinding-time', 59, 'L', 'Seconds until the client starts rebinding (T2).'],
  [
    'vendor-class-identifier',
    60,
    'X',
    'Sent by clients to name their kind: PXE firmware sends `PXEClient:Arch:…`. ' +
      'Match it with `substring (option vendor-class-identifier, 0, 9) = "PXEClient"`.',
    true,
  ],
  ['dhcp-client-identifier', 61, 'X', 'The client identifier; a host block may match it instead of a MAC.'],
  ['nwip-domain', 62, 't', 'NetWare/IP domain.'],
  ['nwip-suboptions', 63, 'Enwip.', 'NetWare/IP suboptions.'],
  ['nisplus-domain', 64, 't', 'The NIS+ domain.'],
  ['nisplus-servers', 65, 'IA', SERVERS('NIS+ servers')],
  [
    'tftp-server-name',
    66,
    't',
    'Name of the TFTP server, as an option. Most PXE firmware uses the `next-server` field instead.',
    true,
  ],
  ['bootfile-name', 67, 't', 'Boot file name, as an option. PXE firmware reads the `filename` field.', true],
  ['mobile-ip-home-agent', 68, 'IA', 'Mobile IP home agents.'],
  ['smtp-server', 69, 'IA', SERVERS('SMTP servers')],
  ['pop-server', 70, 'IA', SERVERS('POP3 servers')],
  ['nntp-server', 71, 'IA', SERVERS('NNTP servers')],
  ['www-server', 72, 'IA', SERVERS('WWW servers')],
  ['finger-server', 73, 'IA', SERVERS('finger servers')],
  ['irc-server', 74, 'IA', SERVERS('IRC servers')],
  ['streettalk-server', 75, 'IA', SERVERS('StreetTalk servers')],
  ['streettalk-directory-assistance-server', 76, 'IA', SERVERS('StreetTalk directory assistance servers')],
  ['user-class', 77, 't', 'Sent by clients: the user class they belong to.'],
  ['slp-directory-agent', 78, 'fIa', 'A flag (only these agents) and SLP directory agents.'],
  ['slp-service-scope', 79, 'fto', 'A flag (only these scopes) and an SLP scope list.'],
  ['fqdn', 81, 'Efqdn.', "The client's fully qualified name (suboptions in the `fqdn` space)."],
  ['relay-agent-information', 82, 'Eagent.', 'Added by relay agents (suboptions in the `agent` space).'],
  ['nds-servers', 85, 'IA', SERVERS('Novell Directory Services servers')],
  ['nds-tree-name', 86, 't', 'NDS tree name.'],
  ['nds-context', 87, 't', 'NDS context.'],
  ['bcms-controller-names', 88, 'D', 'Broadcast and multicast controller names (RFC 4280).'],
  ['bcms-controller-address', 89, 'Ia', 'Broadcast and multicast controller addresses (RFC 4280).'],
  ['client-last-transaction-time', 91, 'L', 'Leasequery: seconds since the last transaction.'],
  ['associated-ip', 92, 'Ia', 'Leasequery: addresses associated with the client.'],
  [
    'pxe-system-type',
    93,
    'Sa',
    'Sent by PXE clients (RFC 4578): the client architecture (0 BIOS, 7 EFI x86-64, …).',
    true,
  ],
  ['pxe-interface-id', 94, 'BBB', 'Sent by PXE clients: the network interface type and version.'],
  ['pxe-client-id', 97, 'BX', 'Sent by PXE clients: the machine UUID.'],
  ['uap-servers', 98, 't', 'User authentication protocol servers (URLs).'],
  ['geoconf-civic', 99, 'X', 'Civic location of the client (RFC 4776).'],
  ['pcode', 100, 't', 'POSIX time zone string (RFC 4833).'],
  ['tcode', 101, 't', 'Time zone database name (RFC 4833).'],
  ['netinfo-server-address', 112, 'Ia', 'NetInfo parent server addresses.'],
  ['netinfo-server-tag', 113, 't', 'NetInfo parent server tag.'],
  ['default-url', 114, 't', 'Default URL.'],
  ['auto-config', 116, 'B', 'Auto-configuration (RFC 2563): 0 do not, 1 do.'],
  ['name-service-search', 117, 'Sa', 'Order of name services (RFC 2937).'],
  ['subnet-selection', 118, 'I', 'The subnet the client wants an address on (RFC 3011).'],
  ['domain-search', 119, 'Dc', 'DNS search list (RFC 3397), as quoted domain names.'],
  ['vivco', 124, 'Evendor-class.', 'Vendor-identifying vendor class (RFC 3925).'],
  ['vivso', 125, 'Evendor.', 'Vendor-identifying vendor-specific information (RFC 3925).'],
  ['pana-agent', 136, 'Ia', 'PANA authentication agents (RFC 5192).'],
  ['v4-lost', 137, 'd', 'LoST server domain name (RFC 5223).'],
  ['capwap-ac-v4', 138, 'Ia', 'CAPWAP access controllers (RFC 5417).'],
  ['sip-ua-cs-domains', 141, 'Dc', 'SIP user agent configuration domains (RFC 6011).'],
  ['ipv4-address-andsf', 142, 'IA', 'ANDSF servers (RFC 6153).'],
  ['rdnss-selection', 146, 'BIID', 'RDNSS selection (RFC 6731).'],
  [
    'tftp-server-address',
    150,
    'Ia',
    'TFTP server addresses (RFC 5859). Older configs declare code 150 themselves (`option-150`) for pxeGRUB.',
    true,
  ],
  ['v4-portparams', 159, 'BBS', 'Port set parameters (RFC 7618).'],
  ['v4-captive-portal', 160, 't', 'Captive portal URI (RFC 7710).'],
  ['loader-configfile', 209, 't', 'PXELINUX: the configuration file to use (RFC 5071).', true],
  ['loader-pathprefix', 210, 't', 'PXELINUX: the path prefix for its files (RFC 5071).', true],
  ['loader-reboottime', 211, 'L', 'PXELINUX: seconds before rebooting when the boot fails (RFC 5071).'],
  ['option-6rd', 212, 'BB6Ia', 'IPv6 rapid deployment parameters (RFC 5969).'],
  ['v4-access-domain', 213, 'd', 'Access network domain name (RFC 5986).'],
];

/** dhcpd's own parameters (server/stables.c; dhcpd.conf(5), "REFERENCE: PARAMETERS"). */
const SERVER_ROWS: readonly Row[] = [
  ['default-lease-time', 1, 'T', 'Lease length in seconds when the client asks for none.'],
  ['max-lease-time', 2, 'T', 'Longest lease dhcpd grants, in seconds.'],
  ['min-lease-time', 3, 'T', 'Shortest lease dhcpd grants, in seconds.'],
  ['dynamic-bootp-lease-cutoff', 4, 'T', 'When leases of dynamic BOOTP clients end.'],
  ['dynamic-bootp-lease-length', 5, 'L', 'Length of leases given to dynamic BOOTP clients.'],
  ['boot-unknown-clients', 6, 'f', 'Whether clients with no host block get addresses.'],
  ['dynamic-bootp', 7, 'f', 'Whether BOOTP clients may get dynamic addresses.'],
  ['allow-bootp', 8, 'f', 'Whether BOOTP requests are answered (also `allow bootp;`).'],
  ['allow-booting', 9, 'f', 'Whether this client may boot (also `allow booting;`).'],
  ['one-lease-per-client', 10, 'f', "Whether a new lease frees the client's other leases."],
  ['get-lease-hostnames', 11, 'f', 'Whether dhcpd looks up a host name for each dynamic address.'],
  ['use-host-decl-names', 12, 'f', "Whether the `host` block name is sent as the client's host name."],
  ['use-lease-addr-for-default-route', 13, 'f', 'Whether the lease address is sent as the router.'],
  ['min-secs', 14, 'B', 'Seconds a client must have tried before dhcpd answers.'],
  [
    'filename',
    15,
    't',
    'Boot file the client fetches (with TFTP) from `next-server`: `pxelinux.0`, `pxegrub`, a kernel. ' +
      'It goes in the BOOTP `file` field, where PXE firmware looks.',
    true,
  ],
  ['server-name', 16, 't', 'Name of the boot server, sent in the BOOTP `sname` field.', true],
  [
    'next-server',
    17,
    'I',
    'Address of the server the client fetches its boot file from (the BOOTP `siaddr` field). Without one, ' +
      'dhcpd sends 0.0.0.0 and a PXE client has nowhere to fetch `filename` from; the Linux kernel also takes ' +
      'it as its NFS server when `nfsroot=` and `ip=` name none.',
    true,
  ],
  [
    'authoritative',
    18,
    'f',
    'Whether dhcpd is the authority for the network (sends DHCPNAKs). Usually `authoritative;`.',
  ],
  [
    'vendor-option-space',
    19,
    'U',
    'The option space `vendor-encapsulated-options` is built from (PXE: `PXE`).',
    true,
  ],
  ['always-reply-rfc1048', 20, 'f', 'Answer BOOTP clients with RFC 1048 options even if they did not ask.'],
  ['site-option-space', 21, 'X', 'The option space for site-local options (codes 224–254).'],
  ['always-broadcast', 22, 'f', 'Broadcast every reply (for clients that need it).'],
  ['ddns-domainname', 23, 't', 'Domain appended to the host name in DNS updates.'],
  ['ddns-hostname', 24, 't', 'Host name used in DNS updates.'],
  ['ddns-rev-domainname', 25, 't', 'Reverse domain used in DNS updates (default `in-addr.arpa.`).'],
  ['lease-file-name', 26, 't', 'Path of the lease database.'],
  ['pid-file-name', 27, 't', 'Path of the process ID file.'],
  ['duplicates', 28, 'f', 'Whether one client may hold several leases (also `allow duplicates;`).'],
  ['declines', 29, 'f', 'Whether DHCPDECLINE messages are honoured.'],
  ['ddns-updates', 30, 'f', 'Whether dhcpd updates DNS.'],
  ['omapi-port', 31, 'S', 'TCP port of the OMAPI control interface.'],
  ['local-port', 32, 'S', 'UDP port dhcpd listens on (default 67).'],
  ['limited-broadcast-address', 33, 'I', 'Broadcast address used for replies.'],
  ['remote-port', 34, 'S', 'UDP port replies go to (default 68).'],
  ['local-address', 35, 'I', 'The one address dhcpd listens on.'],
  ['omapi-key', 36, 'd', 'Key that authenticates OMAPI clients.'],
  ['stash-agent-options', 37, 'f', 'Whether relay agent options are kept for renewals.'],
  ['ddns-ttl', 38, 'T', 'TTL of DNS records dhcpd adds.'],
  [
    'ddns-update-style',
    39,
    'Nddns-update-style.',
    'How dhcpd updates DNS: `none`, `ad-hoc`, `interim` or `standard`.',
  ],
  ['client-updates', 40, 'f', 'Whether clients may update their own DNS records.'],
  ['update-optimization', 41, 'f', 'Whether DNS is updated only when a lease changes.'],
  ['ping-check', 42, 'f', 'Whether dhcpd pings an address before offering it.'],
  ['update-static-leases', 43, 'f', 'Whether DNS is updated for fixed addresses too.'],
  [
    'log-facility',
    44,
    'Nlog-facility.',
    "syslog facility of dhcpd's messages (`daemon`, `local0`…`local7`, …).",
  ],
  ['do-forward-updates', 45, 'f', 'Whether dhcpd updates forward (A) records.'],
  ['ping-timeout', 46, 'T', 'Seconds to wait for a ping reply.'],
  ['infinite-is-reserved', 47, 'f', 'Whether an infinite lease reserves the address.'],
  ['update-conflict-detection', 48, 'f', 'Whether DNS updates check for conflicts (DHCID records).'],
  ['leasequery', 49, 'f', 'Whether leasequery requests are answered.'],
  ['adaptive-lease-time-threshold', 50, 'B', 'Percentage of a pool in use above which leases get shorter.'],
  ['do-reverse-updates', 51, 'f', 'Whether dhcpd updates reverse (PTR) records.'],
  ['fqdn-reply', 52, 'f', 'Whether the fqdn option is answered.'],
  ['preferred-lifetime', 53, 'T', 'DHCPv6 preferred lifetime.'],
  ['dhcpv6-lease-file-name', 54, 't', 'DHCPv6 lease database path.'],
  ['dhcpv6-pid-file-name', 55, 't', 'DHCPv6 process ID file path.'],
  ['limit-addrs-per-ia', 56, 'L', 'DHCPv6: addresses per identity association.'],
  ['limit-prefs-per-ia', 57, 'L', 'DHCPv6: prefixes per identity association.'],
  ['delayed-ack', 58, 'S', 'How many acknowledgements may be queued before a lease file commit.'],
  ['max-ack-delay', 59, 'L', 'Longest delay of a queued acknowledgement, in microseconds.'],
  ['dhcp-cache-threshold', 78, 'B', 'Percentage of a lease within which a renewal reuses it.'],
  ['dont-use-fsync', 79, 'f', 'Whether lease file writes skip fsync (faster, unsafe).'],
  ['ddns-local-address4', 80, 'I', 'Source address of DNS updates.'],
  ['ddns-local-address6', 81, '6', 'IPv6 source address of DNS updates.'],
  ['ignore-client-uids', 82, 'f', 'Whether client identifiers are ignored (leases keyed by MAC).'],
  ['log-threshold-low', 83, 'B', 'Pool use percentage below which the high-use warning resets.'],
  ['log-threshold-high', 84, 'B', 'Pool use percentage above which dhcpd logs a warning.'],
  ['echo-client-id', 85, 'f', 'Whether the client identifier is echoed (RFC 6842).'],
  ['server-id-check', 86, 'f', 'Whether requests for another server are ignored.'],
  ['prefix-length-mode', 87, 'Nprefix-length-mode.', 'DHCPv6 prefix length matching.'],
  ['dhcpv6-set-tee-times', 88, 'f', 'DHCPv6: set T1/T2.'],
  ['abandon-lease-time', 89, 'T', 'How long an abandoned lease stays out of use.'],
  ['use-eui-64', 90, 'f', 'DHCPv6: addresses from EUI-64.'],
  ['persist-eui-64-leases', 91, 'f', 'DHCPv6: keep EUI-64 leases.'],
  ['check-secs-byte-order', 92, 'f', 'Failover: fix the byte order of the secs field.'],
  ['ddns-dual-stack-mixed-mode', 93, 'f', 'DNS updates with dual-stack mixed mode.'],
  ['ddns-guard-id-must-match', 94, 'f', 'DNS updates require matching guard IDs.'],
  ['ddns-other-guard-is-dynamic', 95, 'f', 'DNS updates may replace another dynamic guard.'],
  ['release-on-roam', 96, 'f', 'DHCPv6: release leases on roaming.'],
  ['local-address6', 97, '6', 'DHCPv6: the address to listen on.'],
  ['bind-local-address6', 98, 'f', 'DHCPv6: bind to `local-address6`.'],
  ['server-identifier', 54, 'I', 'The address dhcpd identifies itself with; rarely needed.'],
];

/** Values of server enumerations (server/stables.c). */
const ENUMS: Readonly<Record<string, readonly string[]>> = {
  'ddns-update-style': ['none', 'ad-hoc', 'interim', 'standard'],
  'log-facility': [
    'kern',
    'user',
    'mail',
    'daemon',
    'auth',
    'syslog',
    'lpr',
    'news',
    'uucp',
    'cron',
    'authpriv',
    'ftp',
    'local0',
    'local1',
    'local2',
    'local3',
    'local4',
    'local5',
    'local6',
    'local7',
  ],
  'prefix-length-mode': ['ignore', 'prefer', 'exact', 'minimum', 'maximum'],
};

/** Suboption spaces dhcpd knows without a declaration (server/stables.c, common/tables.c). */
const OTHER_ROWS: readonly (readonly [space: string, ...row: Row])[] = [
  ['agent', 'circuit-id', 1, 'X', 'Relay agent: the circuit the request came in on.'],
  ['agent', 'remote-id', 2, 'X', 'Relay agent: the remote host end of the circuit.'],
  ['agent', 'agent-id', 3, 'I', 'Relay agent: its identifier.'],
  ['agent', 'DOCSIS-device-class', 4, 'L', 'Relay agent: DOCSIS device class.'],
  ['agent', 'link-selection', 5, 'I', 'Relay agent: the subnet to allocate from.'],
  ['fqdn', 'no-client-update', 1, 'f', 'FQDN: the client does not update DNS.'],
  ['fqdn', 'server-update', 2, 'f', 'FQDN: the server updates DNS.'],
  ['fqdn', 'encoded', 3, 'f', 'FQDN: the name is DNS-encoded.'],
  ['fqdn', 'rcode1', 4, 'B', 'FQDN: first response code.'],
  ['fqdn', 'rcode2', 5, 'B', 'FQDN: second response code.'],
  ['fqdn', 'hostname', 6, 't', 'FQDN: host part.'],
  ['fqdn', 'domainname', 7, 't', 'FQDN: domain part.'],
  ['fqdn', 'fqdn', 8, 't', 'FQDN: the whole name.'],
  ['nwip', 'nsq-broadcast', 5, 'f', 'NetWare/IP: NSQ broadcast.'],
  ['nwip', 'preferred-dss', 6, 'IA', 'NetWare/IP: preferred DSS servers.'],
  ['nwip', 'nearest-nwip-server', 7, 'IA', 'NetWare/IP: nearest servers.'],
  ['nwip', 'autoretries', 8, 'B', 'NetWare/IP: retries.'],
  ['nwip', 'autoretry-secs', 9, 'B', 'NetWare/IP: seconds between retries.'],
  ['nwip', 'nwip-1-1', 10, 'f', 'NetWare/IP: version 1.1.'],
  ['nwip', 'primary-dss', 11, 'I', 'NetWare/IP: primary DSS server.'],
  ['isc', 'media', 1, 't', 'ISC: media type.'],
  ['isc', 'update-assist', 2, 'X', 'ISC: update assist.'],
  ['vendor-class', 'isc', 2495, 'X', 'Vendor class of ISC.'],
  ['vendor', 'isc', 2495, 'Eisc.', 'Vendor options of ISC.'],
];

function spec(space: string, [name, code, format, doc, boot]: Row): DhcpOptionSpec {
  return { name, space, code, format, doc, values: space === 'server' ? ENUMS[name] : undefined, boot };
}

/** Every option dhcpd knows without a declaration. */
export const DHCP_OPTIONS: readonly DhcpOptionSpec[] = [
  ...DHCP_ROWS.map((r) => spec('dhcp', r)),
  ...SERVER_ROWS.map((r) => spec('server', r)),
  ...OTHER_ROWS.map(([space, ...row]) => spec(space, row)),
];

/** The option spaces dhcpd knows without a declaration. */
export const BUILTIN_SPACES: readonly string[] = [
  'dhcp',
  'server',
  'agent',
  'fqdn',
  'nwip',
  'isc',
  'vendor-class',
  'vendor',
];

/** `space.name` → spec. */
export const DHCP_OPTION_MAP: ReadonlyMap<string, DhcpOptionSpec> = new Map(
  DHCP_OPTIONS.map((o) => [`${o.space}.${o.name}`, o]),
);

/** The server parameters by name (`next-server`, `filename`, …): the statements that set them. */
export const SERVER_PARAMETERS: ReadonlyMap<string, DhcpOptionSpec> = new Map(
  DHCP_OPTIONS.filter((o) => o.space === 'server').map((o) => [o.name, o]),
);
