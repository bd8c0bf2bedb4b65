/**
 * Where the new-comment webhook may be sent: public addresses only, unless the operator
 * allows private ones (COMMENT_WEBHOOK_ALLOW_PRIVATE). An admin's URL must not make the
 * server call itself, the machines beside it, or a cloud metadata service (SSRF).
 *
 * - A literal address is checked as the URL parser reads it, which already turns decimal,
 *   octal and hex IPv4 spellings (`http://2130706433/`, `0x7f.1`, `0177.0.0.1`) into
 *   dotted form; IPv6 forms that carry an IPv4 address (mapped `::ffff:…`, NAT64,
 *   6to4) are checked by that address.
 * - `localhost` and `*.localhost` are local whatever DNS says.
 * - A name is resolved and every address it gives must be public, both when the URL is
 *   saved and when each delivery is sent; the delivery then connects to an address checked
 *   in the same lookup (`guardedLookup`), so a name that changes its answer between check
 *   and connect (DNS rebinding) cannot reach a private address.
 */
import dns from 'node:dns';
import net from 'node:net';

const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments, Teredo
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv6');
}

/** The IPv4 address an IPv6 one carries (mapped, NAT64, 6to4), if any. */
function embeddedIpv4(ipv6: string): string | null {
  const groups = expandIpv6(ipv6);
  if (!groups) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zero(0, 5) && groups[5] === 0xffff) return v4(groups[6]!, groups[7]!); // ::ffff:a.b.c.d
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zero(2, 6)) return v4(groups[6]!, groups[7]!); // 64:ff9b::/96
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups[2] === 1) return v4(groups[6]!, groups[7]!); // 64:ff9b:1::/48
  if (groups[0] === 0x2002) return v4(groups[1]!, groups[2]!); // 6to4
  return null;
}

/** Eight 16-bit groups of an IPv6 address (with or without a dotted IPv4 tail), or null. */
function expandIpv6(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = dotted[1]!.split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const a = head ? head.split(':') : [];
  const b = tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - a.length - b.length;
  if (fill < 0) return null;
  const groups = [...a, ...Array<string>(fill).fill('0'), ...b].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/** Whether an IP address (v4 or v6) is on the public internet. Not an IP: false. */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIpv4(address);
  if (v4 !== null) return isPublicAddress(v4);
  return !blocked.check(address, 'ipv6');
}

/** The host of a URL as an IP literal (brackets off), or null for a name. */
function literalHost(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return net.isIP(host) ? host : null;
}

const isLocalName = (host: string) => {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost');
};

export type TargetCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export type Lookup = (hostname: string) => Promise<readonly { address: string }[]>;

const systemLookup: Lookup = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * Whether `rawUrl` may be sent to. `unresolved`: what to answer when the name does not
 * resolve now (at save time a name may be set up later: 'allow'; at send time it fails anyway).
 */
export async function checkWebhookTarget(rawUrl: string, lookup: Lookup = systemLookup, unresolved: 'allow' | 'refuse' = 'refuse'): Promise<TargetCheck> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  const literal = literalHost(url);
  if (literal !== null) return isPublicAddress(literal) ? { ok: true } : { ok: false, reason: `${literal} is not a public address` };
  if (isLocalName(url.hostname)) return { ok: false, reason: `${url.hostname} is this machine` };
  let addresses: readonly { address: string }[];
  try {
    addresses = await lookup(url.hostname);
  } catch (err) {
    return unresolved === 'allow' ? { ok: true } : { ok: false, reason: `${url.hostname} does not resolve (${(err as { code?: string }).code ?? 'error'})` };
  }
  if (addresses.length === 0) return unresolved === 'allow' ? { ok: true } : { ok: false, reason: `${url.hostname} does not resolve` };
  const inside = addresses.find((a) => !isPublicAddress(a.address));
  return inside ? { ok: false, reason: `${url.hostname} resolves to ${inside.address}, not a public address` } : { ok: true };
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request/net.connect that refuses private answers: the connection is
 * made to the very address checked here, so a rebinding name cannot slip in another.
 */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const inside = addresses.find((a) => !isPublicAddress(a.address));
    if (inside || addresses.length === 0) {
      const refusal: NodeJS.ErrnoException = new Error(`refused: ${hostname} resolves to ${inside?.address ?? 'nothing'}, not a public address`);
      refusal.code = 'EWEBHOOKPRIVATE';
      return callback(refusal, '');
    }
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}
