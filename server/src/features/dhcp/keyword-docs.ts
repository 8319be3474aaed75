/**
 * Documentation of dhcpd.conf's statement and declaration keywords (dhcpd.conf(5)), in this project's own
 * words. Server parameters are documented in the option table (formats/dhcp/options.ts).
 */
export const KEYWORD_DOCS: Readonly<Record<string, string>> = {
  subnet:
    '`subnet NETWORK netmask MASK { … }`: an IPv4 network dhcpd serves or knows of. Its body holds `range`s and the parameters for clients on it. dhcpd refuses a network number with host bits set.',
  'shared-network':
    '`shared-network NAME { … }`: several subnets on one physical segment. It must contain at least one `subnet`.',
  group: '`group { … }`: parameters shared by the hosts, subnets or groups inside it.',
  host: '`host NAME { … }`: one client, recognised by `hardware ethernet` (or a client identifier), usually with a `fixed-address`. Host names must be unique; host blocks are global, wherever they stand.',
  pool: '`pool { … }`: a set of dynamic `range`s with their own access rules (`allow`/`deny`), inside a subnet or shared-network.',
  class:
    '`class "NAME" { … }`: clients that a `match` expression selects; pools can `allow members of "NAME"`.',
  subclass: '`subclass "CLASS" DATA;`: a member of a class that matches with `match EXPRESSION;`.',
  failover:
    '`failover peer "NAME" { … }`: the partner of a DHCP failover pair; every peer must be used by a pool.',
  key: '`key NAME { algorithm …; secret "…"; }`: a TSIG key for DNS updates or OMAPI.',
  zone: '`zone NAME { primary ADDRESS; key NAME; }`: where DNS updates for a zone go.',
  on: '`on commit | release | expiry { … }`: statements run when a lease changes state.',
  if: '`if EXPRESSION { … } elsif … { … } else { … }`: conditional statements (dhcp-eval(5)).',
  option:
    '`option NAME VALUE;` sends a DHCP option; `option NAME code N = TYPE;` declares a new one; `option space NAME;` declares an option space.',
  include: '`include "FILE";`: reads another file at this point, as if it were written here.',
  range:
    '`range [dynamic-bootp] LOW [HIGH];`: addresses dhcpd may lease dynamically. Both ends must lie in the subnet; only in a subnet or a pool.',
  hardware:
    '`hardware ethernet MAC;`: the link-layer address that identifies a host. One per host block; six hexadecimal octets for Ethernet.',
  'fixed-address':
    '`fixed-address ADDRESS[, ADDRESS…];`: the address (or host name) this host always gets. It should lie in a subnet and outside every dynamic range.',
  allow: '`allow WHAT;`: permits unknown clients, BOOTP, booting, … (or, in a pool, members of a class).',
  deny: '`deny WHAT;`: refuses unknown clients, BOOTP, booting, … (or, in a pool, members of a class).',
  ignore: '`ignore WHAT;`: like `deny`, without logging.',
  authoritative:
    '`authoritative;`: this server is the authority for its networks and sends DHCPNAKs to misconfigured clients.',
  match: '`match if EXPRESSION;` selects the members of a class; `match EXPRESSION;` keys its subclasses.',
  set: '`set NAME = EXPRESSION;`: sets a variable for later expressions.',
  log: '`log (PRIORITY, EXPRESSION);`: writes a message to the log.',
};
