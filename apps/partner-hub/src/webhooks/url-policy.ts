/**
 * SSRF guard of webhook endpoints. A partner names the URL, the platform connects to it from inside
 * the police network, so the URL must never reach the platform itself, the cluster, the cloud's
 * metadata service or any private network. Three layers:
 * 1. `checkEndpointUrl` when the endpoint is registered (and again before each attempt): shape,
 *    scheme, no credentials, no fragment, literal IP hosts checked against the forbidden ranges;
 * 2. `resolveEndpoint` before each attempt: every address the name resolves to must be allowed (one
 *    private answer among public ones refuses the endpoint), so DNS rebinding and multi-answer tricks
 *    fail;
 * 3. `pinnedLookup`: the HTTP agent connects to the address that was checked, not to whatever a
 *    second resolution would return. Redirects are never followed (see retry.ts).
 * In `development`, plain http and loopback (127.0.0.0/8, ::1, localhost) are allowed so a local
 * receiver can be used; private networks and link-local (the metadata service) stay forbidden.
 */
import { promises as dnsPromises, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, isIPv4, type LookupFunction } from 'node:net';

export type EndpointMode = 'production' | 'development';

export const MAX_URL_LENGTH = 2048;

export class ForbiddenEndpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenEndpointError';
  }
}

interface Range {
  base: bigint;
  bits: number;
  reason: string;
  /** Allowed in development (loopback only). */
  devAllowed?: boolean;
}

function v4(ip: string): bigint {
  return ip.split('.').reduce((n, octet) => (n << 8n) | BigInt(Number(octet)), 0n);
}

const V4_RANGES: readonly Range[] = [
  { base: v4('0.0.0.0'), bits: 8, reason: '"this network" (0.0.0.0/8)' },
  { base: v4('10.0.0.0'), bits: 8, reason: 'private network (10.0.0.0/8)' },
  { base: v4('100.64.0.0'), bits: 10, reason: 'carrier-grade NAT (100.64.0.0/10)' },
  { base: v4('127.0.0.0'), bits: 8, reason: 'loopback (127.0.0.0/8)', devAllowed: true },
  { base: v4('169.254.169.254'), bits: 32, reason: 'cloud metadata service (169.254.169.254)' },
  { base: v4('169.254.0.0'), bits: 16, reason: 'link-local (169.254.0.0/16)' },
  { base: v4('172.16.0.0'), bits: 12, reason: 'private network (172.16.0.0/12)' },
  { base: v4('192.0.0.0'), bits: 24, reason: 'IETF protocol assignments (192.0.0.0/24)' },
  { base: v4('192.0.2.0'), bits: 24, reason: 'documentation (192.0.2.0/24)' },
  { base: v4('192.88.99.0'), bits: 24, reason: '6to4 relay anycast (192.88.99.0/24)' },
  { base: v4('192.168.0.0'), bits: 16, reason: 'private network (192.168.0.0/16)' },
  { base: v4('198.18.0.0'), bits: 15, reason: 'benchmarking (198.18.0.0/15)' },
  { base: v4('198.51.100.0'), bits: 24, reason: 'documentation (198.51.100.0/24)' },
  { base: v4('203.0.113.0'), bits: 24, reason: 'documentation (203.0.113.0/24)' },
  { base: v4('224.0.0.0'), bits: 4, reason: 'multicast (224.0.0.0/4)' },
  { base: v4('255.255.255.255'), bits: 32, reason: 'broadcast (255.255.255.255)' },
  { base: v4('240.0.0.0'), bits: 4, reason: 'reserved (240.0.0.0/4)' },
];

/** Parses an IPv6 address (with an optional embedded IPv4 tail, without a zone) into 128 bits. */
function v6(ip: string): bigint {
  let text = ip.toLowerCase();
  let tail: bigint | null = null;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tail = v4(text.slice(lastColon + 1));
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, null];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const groups = rest === null ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  let value = groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
  if (tail !== null) value = (value & ~0xffffffffn) | tail;
  return value;
}

const V6_RANGES: readonly Range[] = [
  { base: 0n, bits: 128, reason: 'unspecified address (::)' },
  { base: 1n, bits: 128, reason: 'loopback (::1)', devAllowed: true },
  { base: v6('64:ff9b:1::'), bits: 48, reason: 'local-use NAT64 (64:ff9b:1::/48)' },
  { base: v6('100::'), bits: 64, reason: 'discard-only (100::/64)' },
  { base: v6('2001::'), bits: 32, reason: 'Teredo tunnelling (2001::/32)' },
  { base: v6('2001:db8::'), bits: 32, reason: 'documentation (2001:db8::/32)' },
  { base: v6('fc00::'), bits: 7, reason: 'unique local (fc00::/7)' },
  { base: v6('fe80::'), bits: 10, reason: 'link-local (fe80::/10)' },
  { base: v6('fec0::'), bits: 10, reason: 'site-local, deprecated (fec0::/10)' },
  { base: v6('ff00::'), bits: 8, reason: 'multicast (ff00::/8)' },
  { base: 0n, bits: 96, reason: 'IPv4-compatible, deprecated (::/96)' },
];

function inRange(value: bigint, width: number, range: Range): boolean {
  const shift = BigInt(width - range.bits);
  return value >> shift === range.base >> shift;
}

function checkV4(value: bigint, mode: EndpointMode, prefix = ''): string | null {
  const range = V4_RANGES.find((r) => inRange(value, 32, r));
  if (!range || (range.devAllowed && mode === 'development')) return null;
  return prefix + range.reason;
}

/**
 * Why the platform must not connect to `ip`, or null if it may. IPv4-mapped (`::ffff:a.b.c.d`),
 * NAT64 (`64:ff9b::/96`) and 6to4 (`2002::/16`) addresses are judged by the IPv4 address inside.
 * Anything that is not an IP address is refused.
 */
export function isForbiddenAddress(ip: string, mode: EndpointMode): string | null {
  const address = ip.trim().replace(/^\[(.*)\]$/, '$1');
  if (isIPv4(address)) return checkV4(v4(address), mode);
  const zone = address.indexOf('%');
  const bare = zone >= 0 ? address.slice(0, zone) : address;
  if (isIP(bare) !== 6) return `not an IP address: ${JSON.stringify(ip)}`;
  const value = v6(bare);
  if (value >> 32n === 0xffffn) return checkV4(value & 0xffffffffn, mode, 'IPv4-mapped ');
  if (value >> 32n === v6('64:ff9b::') >> 32n) return checkV4(value & 0xffffffffn, mode, 'NAT64 of ');
  if (value >> 112n === 0x2002n) return checkV4((value >> 80n) & 0xffffffffn, mode, '6to4 of ');
  const range = V6_RANGES.find((r) => inRange(value, 128, r));
  if (!range || (range.devAllowed && mode === 'development')) return null;
  return range.reason;
}

const LOCAL_NAMES = /(^|\.)(localhost|localdomain|local|internal|intranet|lan|home\.arpa|home|corp|private)$/;

/** Why a host name (not an IP literal) is refused before any lookup, or null. */
function checkHostName(host: string, mode: EndpointMode): string | null {
  const name = host.replace(/\.$/, '');
  if (mode === 'development' && (name === 'localhost' || name.endsWith('.localhost'))) return null;
  if (LOCAL_NAMES.test(name)) return `host ${host} is a local or internal name`;
  if (!name.includes('.')) return `host ${host} is not a fully qualified domain name`;
  return null;
}

/** The host of a URL without IPv6 brackets. */
function bareHost(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Checks a webhook endpoint URL: an absolute http(s) URL of at most 2048 characters, https in
 * production (http only in development), no user name or password, no fragment; any port. A host
 * given as an IP address is checked with isForbiddenAddress; a name must be fully qualified and not
 * a local name (localhost is allowed in development). Names are checked again, by address, with
 * resolveEndpoint before each attempt. `url` is set only when there are no errors.
 */
export function checkEndpointUrl(url: string, mode: EndpointMode): { url?: URL; errors: string[] } {
  if (typeof url !== 'string' || !url) return { errors: ['a URL is required'] };
  if (url.length > MAX_URL_LENGTH) return { errors: [`the URL is longer than ${MAX_URL_LENGTH} characters`] };
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return { errors: ['the URL contains spaces or control characters'] };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { errors: ['not an absolute URL'] };
  }
  const errors: string[] = [];
  if (parsed.protocol === 'http:') {
    if (mode !== 'development') errors.push('https is required');
  } else if (parsed.protocol !== 'https:') {
    errors.push('the URL must use https');
  }
  if (parsed.username || parsed.password) errors.push('the URL must not contain a user name or password');
  if (url.includes('#')) errors.push('the URL must not contain a fragment');
  const host = bareHost(parsed.hostname);
  if (!host) errors.push('the URL has no host');
  else if (isIP(host) || host.includes(':')) {
    const reason = isForbiddenAddress(host, mode);
    if (reason) errors.push(`the host is a forbidden address: ${reason}`);
  } else {
    const reason = checkHostName(host, mode);
    if (reason) errors.push(reason);
  }
  return errors.length ? { errors } : { url: parsed, errors };
}

/** The resolver resolveEndpoint uses: dns.promises.lookup with `{ all: true }`. */
export type LookupAll = (hostname: string, options: { all: true }) => Promise<LookupAddress[]>;

/**
 * Resolves an endpoint's host to the address to connect to. Every address of the answer must be
 * allowed: if any is forbidden the endpoint is refused (a ForbiddenEndpointError), so a name that
 * answers [public, private] cannot be used to reach the private one. Returns the first address;
 * connect to it with `pinnedLookup`. An IP literal is checked without a lookup. DNS failures
 * (ENOTFOUND...) are passed on as they are: a network error of the attempt.
 */
export async function resolveEndpoint(hostname: string, mode: EndpointMode, lookup: LookupAll = dnsPromises.lookup): Promise<{ address: string; family: 4 | 6 }> {
  const host = bareHost(hostname.trim()).toLowerCase();
  if (isIP(host)) {
    const reason = isForbiddenAddress(host, mode);
    if (reason) throw new ForbiddenEndpointError(`${host}: ${reason}`);
    return { address: host, family: isIP(host) as 4 | 6 };
  }
  const named = checkHostName(host, mode);
  if (named) throw new ForbiddenEndpointError(named);
  const answers = await lookup(host, { all: true });
  if (!answers.length) throw Object.assign(new Error(`${host} resolves to no address`), { code: 'ENOTFOUND' });
  for (const answer of answers) {
    const reason = isForbiddenAddress(answer.address, mode);
    if (reason) throw new ForbiddenEndpointError(`${host} resolves to ${answer.address}: ${reason}`);
  }
  const [first] = answers;
  return { address: first.address, family: isIP(first.address) as 4 | 6 };
}

/**
 * A `lookup` for http(s).request / an Agent that always answers the address checked by
 * resolveEndpoint, whatever name it is asked (the URL keeps the name, so Host and TLS SNI and
 * certificate checks still use it). Answers in the form asked: a list when `all` is set.
 */
export function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  if (isIP(address) !== family) throw new Error(`${address} is not an IPv${family} address`);
  return (_hostname: string, options: LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    if (options?.all) process.nextTick(callback, null, [{ address, family }]);
    else process.nextTick(callback, null, address, family);
  };
}
