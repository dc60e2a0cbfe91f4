/** Where the caller's address may be read from; see TRUSTED_PROXY_HOPS in .env.example. */
export interface ProxyTrust {
  /** Proxies in front of the app that each append the peer they saw to X-Forwarded-For. */
  trustedProxyHops: number;
  /** On Vercel the platform sets x-vercel-forwarded-for itself and drops what the client sent. */
  vercel: boolean;
}

const MAX_IP = 64;

/**
 * The caller's address, or null when nothing trustworthy names it. The leftmost X-Forwarded-For
 * entry is whatever the client wrote; with N trusted proxies the Nth entry from the right is the
 * one the outermost proxy saw, so that is the only one read.
 */
export function clientIp(headers: Headers, trust: ProxyTrust): string | null {
  if (trust.vercel) {
    const vercel = headers.get("x-vercel-forwarded-for")?.split(",")[0]?.trim();
    if (vercel) return vercel.slice(0, MAX_IP);
  }
  if (trust.trustedProxyHops <= 0) return null;
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim());
  const index = entries.length - trust.trustedProxyHops;
  const ip = index >= 0 ? entries[index] : undefined;
  return ip ? ip.slice(0, MAX_IP) : null;
}
