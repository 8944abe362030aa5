import { BlockList, isIP } from 'node:net';

/**
 * Addresses a link in a case file may not point at: loopback, private networks, link-local
 * (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and the unspecified address.
 * Nothing is ever fetched, but a stored link is shown to people and may later be fetched by
 * another tool, so a link into the installation's own network is refused outright.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3]
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
/**
 * An IPv6 literal is kept only when it is a global unicast address (2000::/3) outside the
 * transition ranges that carry an IPv4 address inside them (6to4 2002::/16, Teredo 2001::/32) and
 * the documentation range. Everything else (loopback, unspecified, IPv4-compatible ::/96,
 * IPv4-mapped and -translated, NAT64 64:ff9b::/96, unique local, link-local, multicast) is refused:
 * nobody links to a public page by such an address.
 */
const globalV6 = new BlockList();
globalV6.addSubnet('2000::', 3, 'ipv6');
const transitionV6 = new BlockList();
for (const [net, prefix] of [
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16]
] as const)
  transitionV6.addSubnet(net, prefix, 'ipv6');

const localNames = /(^|\.)(localhost|local|localdomain|internal|intranet|lan|home|corp|home\.arpa)$/i;

/** Why a link cannot be kept, or null when it can: http(s) to a public host name or address. */
export function unsafeUrlReason(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full web address, starting with https://.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Only web addresses starting with http:// or https:// can be kept.';
  if (url.username || url.password) return 'Leave out any user name or password from the web address.';
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (!host) return 'Enter a full web address, starting with https://.';
  const version = isIP(host);
  if (version === 4 && blocked.check(host, 'ipv4')) return 'That address points into a private or local network; link to a public web page instead.';
  if (version === 6 && (!globalV6.check(host, 'ipv6') || transitionV6.check(host, 'ipv6')))
    return 'That address points into a private or local network; link to a public web page instead.';
  if (version === 0 && (localNames.test(host) || !host.includes('.'))) return 'That address names a local machine; link to a public web page instead.';
  return null;
}
