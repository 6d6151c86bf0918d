import { describe, expect, it } from 'vitest';
import { AddressPolicy, isAddressOrRange } from '../../src/ingest/addressPolicy.js';

describe('AddressPolicy', () => {
  const publicOnly = new AddressPolicy();

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.1.2.3', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
  ])('refuses %s as a %s address', (address, kind) => {
    expect(publicOnly.refusal(address)).toContain(kind);
  });

  it.each(['64:ff9b::7f00:1', '2002:7f00:1::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2'])(
    'refuses %s, an IPv6 form that carries an IPv4 address',
    (address) => {
      expect(publicOnly.refusal(address)).not.toBeNull();
    },
  );

  // IPv6 forms that carry an IPv4 address, as a URL's host is written once the URL parser has
  // normalized it (`http://[::127.0.0.1]/` → `[::7f00:1]`): refused, naming the address inside.
  it.each([
    ['::7f00:1', 'IPv4-compatible', '127.0.0.1'],
    ['::a00:1', 'IPv4-compatible', '10.0.0.1'],
    ['::a9fe:a9fe', 'IPv4-compatible', '169.254.169.254'],
    ['::808:808', 'IPv4-compatible', '8.8.8.8'],
    ['::ffff:0:7f00:1', 'IPv4-translated', '127.0.0.1'],
    ['64:ff9b::7f00:1', 'NAT64', '127.0.0.1'],
    ['64:ff9b::a00:1', 'NAT64', '10.0.0.1'],
    ['2002:7f00:1::1', '6to4', '127.0.0.1'],
    ['2002:c0a8:101::1', '6to4', '192.168.1.1'],
    // Teredo keeps the client's address inverted: 0x80ff:fefe → 127.0.1.1.
    ['2001:0:4136:e378:8000:63bf:80ff:fefe', 'Teredo', '127.0.1.1'],
  ])('refuses %s (%s) and names the IPv4 address it embeds, %s', (address, kind, embedded) => {
    expect(publicOnly.refusal(address)).toBe(
      `${address} is ${/^[aeiouAEIOU]/.test(kind) ? 'an' : 'a'} ${kind} address (it embeds ${embedded}), not a public one`,
    );
  });

  it.each(['::1:0:0:1', '100::1', '64:ff9b:1::7f00:1', '1::1', 'fec0::1'])(
    'refuses %s, outside the public IPv6 block 2000::/3',
    (address) => {
      expect(publicOnly.refusal(address)).not.toBeNull();
    },
  );

  it('an allow-listed IPv4 address does not let its IPv4-compatible form through', () => {
    expect(new AddressPolicy(['127.0.0.1']).refusal('::7f00:1')).toContain('IPv4-compatible');
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(publicOnly.refusal(address)).toBeNull();
  });

  it('refuses what is not an IP address', () => {
    expect(publicOnly.refusal('localhost')).toContain('not an IP address');
  });

  it('allows exactly what the allow-list names, in either IP version', () => {
    const policy = new AddressPolicy(['127.0.0.1', '10.20.0.0/16', 'fd00::/8']);
    expect(policy.refusal('127.0.0.1')).toBeNull();
    expect(policy.refusal('::ffff:127.0.0.1')).toBeNull();
    expect(policy.refusal('127.0.0.2')).toContain('loopback');
    expect(policy.refusal('10.20.5.5')).toBeNull();
    expect(policy.refusal('10.21.0.1')).toContain('private');
    expect(policy.refusal('fd00::5')).toBeNull();
    expect(policy.refusal('::1')).toContain('loopback');
  });

  it('tells addresses and ranges from other text', () => {
    expect(isAddressOrRange('127.0.0.1')).toBe(true);
    expect(isAddressOrRange('10.0.0.0/8')).toBe(true);
    expect(isAddressOrRange('::1')).toBe(true);
    expect(isAddressOrRange('fc00::/7')).toBe(true);
    expect(isAddressOrRange('localhost')).toBe(false);
    expect(isAddressOrRange('10.0.0.0/33')).toBe(false);
  });
});
