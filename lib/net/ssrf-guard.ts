import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector } from "undici";

/**
 * Outbound requests to hosts a user chose (scraper instances and redirects today; webhooks and
 * alerts later) must not reach the network inside: loopback, private, link-local, cloud metadata,
 * multicast and reserved ranges, in IPv4 and IPv6, IPv4-mapped and NAT64 forms included.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT; Alibaba's metadata 100.100.100.200
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local; AWS/GCP/Azure metadata 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["100::", 64], // discard
  ["2001::", 23], // IETF protocol assignments (Teredo, ORCHID...)
  ["2001:db8::", 32],
  ["2002::", 16], // 6to4 carries an IPv4 address of its choosing
  ["fc00::", 7], // unique local; AWS metadata fd00:ec2::254
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** The IPv4 address an IPv6 one carries (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::/96 NAT64), if any. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const match = /^(?:::ffff:|::|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(lower);
  if (!match) return null;
  if (match[1]) return match[1];
  const high = Number.parseInt(match[2]!, 16);
  const low = Number.parseInt(match[3]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

const unbracket = (host: string) => host.replace(/^\[(.*)\]$/, "$1");

/** True for any address an outbound request to a user-chosen host must not reach. */
export function isForbiddenAddress(address: string): boolean {
  const ip = unbracket(address).replace(/%.*$/, "");
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, "ipv4");
  if (family !== 6) return true;
  const inner = embeddedIpv4(ip);
  if (inner) return blocked.check(inner, "ipv4");
  return blocked.check(ip, "ipv6");
}

export class BlockedDestinationError extends Error {
  override name = "BlockedDestinationError";
  readonly code = "ERR_BLOCKED_DESTINATION";
}

const LOCAL_NAMES = /(^|\.)(localhost|localdomain|local|internal|home\.arpa)$/i;

/** Refuses IP literals, localhost and single-label or local-only names, before any DNS query. */
export function assertPublicHostname(hostname: string): void {
  const host = unbracket(hostname).toLowerCase().replace(/\.$/, "");
  if (isIP(host)) throw new BlockedDestinationError(`${hostname} is an IP address; use a public host name`);
  if (!host.includes(".") || LOCAL_NAMES.test(host)) throw new BlockedDestinationError(`${hostname} is not a public host name`);
}

export interface GuardOptions {
  /** Origins an operator configured (SCRAPER_ORIGIN_OVERRIDES targets): the only ones allowed inside. */
  allowedOrigins?: Iterable<string>;
  /** DNS resolution; tests pass their own. */
  lookup?: LookupFunction;
}

/** A lookup for net.connect that refuses to hand over a forbidden address: checked on the address actually dialled. */
export function guardedLookup(base: LookupFunction = dnsLookup as LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = (Array.isArray(addresses) ? addresses : [{ address: addresses, family: 4 }]) as LookupAddress[];
      const bad = list.find((entry) => isForbiddenAddress(entry.address));
      if (bad || list.length === 0) {
        return callback(new BlockedDestinationError(`${hostname} resolves to ${bad?.address ?? "nothing"}, which is not a public address`), "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** Resolves a host before a request, so a refusal comes with a clear reason (the connector checks again). */
export async function assertPublicDestination(url: URL, options: GuardOptions = {}): Promise<void> {
  if (new Set(options.allowedOrigins ?? []).has(url.origin)) return;
  if (!/^https?:$/.test(url.protocol)) throw new BlockedDestinationError(`${url.protocol} URLs are not fetched`);
  assertPublicHostname(url.hostname);
  const lookup = guardedLookup(options.lookup);
  await new Promise<void>((resolve, reject) => {
    lookup(url.hostname, { all: true }, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * An undici Agent whose every connection is checked when it is made, so DNS rebinding (a public
 * answer for the pre-check, a private one for the connect) gains nothing. Allowed origins connect
 * directly; IP literals, which net.connect does not look up, are checked here.
 */
export function createGuardedAgent(options: GuardOptions & Omit<Agent.Options, "connect"> & { connectTimeoutMs?: number } = {}): Agent {
  const { allowedOrigins, lookup, connectTimeoutMs, ...agentOptions } = options;
  const allowed = new Set(allowedOrigins ?? []);
  const guarded = buildConnector({ lookup: guardedLookup(lookup), timeout: connectTimeoutMs });
  const open = buildConnector({ timeout: connectTimeoutMs });
  return new Agent({
    ...agentOptions,
    connect(target, callback) {
      const port = target.port || (target.protocol === "https:" ? "443" : "80");
      const origin = URL.parse(`${target.protocol}//${target.hostname}:${port}`)?.origin;
      if (origin && allowed.has(origin)) return open(target, callback);
      if (target.protocol !== "http:" && target.protocol !== "https:") return callback(new BlockedDestinationError(`${target.protocol} is not allowed`), null);
      const host = unbracket(target.hostname);
      if (isIP(host) && isForbiddenAddress(host)) {
        return callback(new BlockedDestinationError(`${target.hostname} is not a public address`), null);
      }
      return guarded(target, callback);
    },
  });
}

/** Whether a thrown error (or its cause chain) is the guard's refusal. */
export function isBlockedDestination(error: unknown): error is BlockedDestinationError {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof BlockedDestinationError) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
