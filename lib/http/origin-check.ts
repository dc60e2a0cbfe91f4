import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What the check reads: a Request, or a server action's method and headers. */
export interface RequestLike {
  method: string;
  url: string;
  headers: { get(name: string): string | null };
}

const firstValue = (header: string | null) => header?.split(",")[0]?.trim() || undefined;

/**
 * The app's own origin: NEXTAUTH_URL (or Vercel's URL) when configured, else what the proxy says the client asked for.
 * Trusting X-Forwarded-* is safe here: a cross-site page cannot set them without a CORS preflight.
 */
function expectedOrigin(request: RequestLike, appOrigin: string | undefined): string | undefined {
  if (appOrigin) return URL.parse(appOrigin)?.origin;
  const host = firstValue(request.headers.get("x-forwarded-host")) ?? firstValue(request.headers.get("host"));
  if (!host) return undefined;
  const proto = firstValue(request.headers.get("x-forwarded-proto")) ?? URL.parse(request.url)?.protocol.replace(/:$/, "");
  return URL.parse(`${proto ?? "https"}://${host}`)?.origin;
}

/**
 * Where the request came from: Origin, else the Referer's origin. "null" (sandboxed frames, some
 * redirects) and a request with neither header are refused: browsers send Origin on every POST, so
 * only non-browser clients lack both, and those must not be riding on a session cookie.
 */
function sourceOrigin(request: RequestLike): string | undefined {
  const origin = request.headers.get("origin");
  if (origin !== null) return origin === "null" ? undefined : URL.parse(origin)?.origin;
  const referer = request.headers.get("referer");
  return referer ? URL.parse(referer)?.origin : undefined;
}

/** CSRF defence for mutating route handlers and server actions; safe methods always pass. */
export function isSameOrigin(request: RequestLike, appOrigin: string | undefined): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const source = sourceOrigin(request);
  // URL.origin is "null" for opaque schemes (data:, file:), which must never match either.
  if (!source || source === "null") return false;
  return source === expectedOrigin(request, appOrigin);
}

export function assertSameOrigin(request: RequestLike, appOrigin: string | undefined): void {
  if (!isSameOrigin(request, appOrigin)) throw new AppError("forbidden", "Cross-site request refused.");
}
