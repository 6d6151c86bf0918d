/**
 * Which network addresses a page may be fetched from: public unicast addresses only, unless the
 * configured allow-list (URL_FETCH_ALLOW) names the address or a range holding it. Refused:
 * private, loopback, link-local, unique-local, multicast, unspecified, carrier-grade NAT, broadcast
 * and reserved ranges, and IPv6 forms that embed an IPv4 address (IPv4-mapped `::ffff:a.b.c.d` is
 * judged as the IPv4 address it maps; NAT64, 6to4 and Teredo are refused outright).
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
};

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
    const range = ip.range();
    if (range === 'unicast') return null;
    const words = RANGE_WORDS[range] ?? `a special-purpose (${range})`;
    return `${ip.toString()} is ${words} address, not a public one`;
  }
}
