/**
 * Which network addresses a page may be fetched from: public unicast addresses only, unless the
 * configured allow-list (URL_FETCH_ALLOW) names the address or a range holding it. Refused:
 * private, loopback, link-local, unique-local, multicast, unspecified, carrier-grade NAT, broadcast
 * and reserved ranges, and IPv6 forms that embed an IPv4 address (IPv4-mapped `::ffff:a.b.c.d` is
 * judged as the IPv4 address it maps; IPv4-compatible `::a.b.c.d`, IPv4-translated, NAT64, 6to4 and
 * Teredo are refused outright, the refusal naming the IPv4 address inside). Any other IPv6 address
 * outside the global unicast block 2000::/3 is refused too: nothing public lives there.
 */
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Plain words for the ranges ipaddr.js names. */
const RANGE_WORDS: Readonly<Record<string, string>> = {
  private: 'a private',
  loopback: 'a loopback',
  linkLocal: 'a link-local',
  uniqueLocal: 'a unique-local',
  multicast: 'a multicast',
  unspecified: 'an unspecified',
  broadcast: 'a broadcast',
  carrierGradeNat: 'a carrier-grade NAT',
  reserved: 'a reserved',
  ipv4Compatible: 'an IPv4-compatible',
  rfc6145: 'an IPv4-translated',
  rfc6052: 'a NAT64',
  '6to4': 'a 6to4',
  teredo: 'a Teredo',
};

/** The one block of IPv6 addresses handed out for the public internet (RFC 4291, IANA). */
const GLOBAL_UNICAST = ipaddr.IPv6.parse('2000::');
/** `::a.b.c.d` (deprecated by RFC 4291): written `::7f00:1` by the URL parser, which ipaddr.js calls plain unicast. */
const IPV4_COMPATIBLE = ipaddr.IPv6.parse('::');
const NAT64_WELL_KNOWN = ipaddr.IPv6.parse('64:ff9b::');

/** The IPv4 address inside an IPv6 address of a range that embeds one (e.g. `::7f00:1` → 127.0.0.1), or null. */
function embeddedIPv4(ip: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  const parts = ip.parts;
  const v4 = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  switch (range) {
    case 'ipv4Compatible':
    case 'rfc6145':
      return v4(parts[6]!, parts[7]!);
    case 'rfc6052':
      // The well-known prefix puts the address last; a local-use prefix (64:ff9b:1::/48) may put it elsewhere.
      return ip.match(NAT64_WELL_KNOWN, 96) ? v4(parts[6]!, parts[7]!) : null;
    case '6to4':
      return v4(parts[1]!, parts[2]!);
    case 'teredo':
      // The client's address, stored inverted in the last 32 bits (RFC 4380).
      return v4(~parts[6]! & 0xffff, ~parts[7]! & 0xffff);
    default:
      return null;
  }
}

/** ipaddr.js's name for the range of `ip`, with `::/96` (IPv4-compatible) told apart from unicast. */
function rangeOf(ip: Address): string {
  if (ip instanceof ipaddr.IPv6 && ip.match(IPV4_COMPATIBLE, 96) && ip.range() === 'unicast') return 'ipv4Compatible';
  return ip.range();
}

/** True for an IP address (`127.0.0.1`, `::1`) or a CIDR range (`10.0.0.0/8`, `fc00::/7`). */
export function isAddressOrRange(text: string): boolean {
  return ipaddr.isValid(text) || ipaddr.isValidCIDR(text);
}

/** An address or range as an address and prefix length. */
function parseRange(text: string): [Address, number] {
  if (ipaddr.isValidCIDR(text)) return ipaddr.parseCIDR(text);
  const address = ipaddr.process(text);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

export class AddressPolicy {
  private readonly allowed: ReadonlyArray<[Address, number]>;

  /** @param allow addresses or CIDR ranges fetched even though not public (validated by the config). */
  constructor(allow: readonly string[] = []) {
    this.allowed = allow.map(parseRange);
  }

  /**
   * Why a page may not be fetched from `address` (e.g. "127.0.0.1 is a loopback address"), or null
   * when it may. Anything that is not a valid IP address is refused.
   */
  refusal(address: string): string | null {
    if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
    // IPv4-mapped IPv6 addresses are judged as the IPv4 address they map to.
    const ip = ipaddr.process(address);
    if (this.allowed.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits))) return null;
    const range = rangeOf(ip);
    if (ip instanceof ipaddr.IPv6) {
      const embedded = embeddedIPv4(ip, range);
      if (embedded !== null)
        return `${ip.toString()} is ${RANGE_WORDS[range]} address (it embeds ${embedded.toString()}), not a public one`;
      if (range === 'unicast' && !ip.match(GLOBAL_UNICAST, 3)) return `${ip.toString()} is outside the public IPv6 range 2000::/3`;
    }
    if (range === 'unicast') return null;
    const words = RANGE_WORDS[range] ?? `a special-purpose (${range})`;
    return `${ip.toString()} is ${words} address, not a public one`;
  }
}
