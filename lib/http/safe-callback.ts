/**
 * A post-sign-in destination on this site only: anything that would resolve to another origin
 * (`//evil`, `/\evil`, control characters browsers strip) falls back to "/".
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  const base = "http://reach.invalid";
  const url = URL.parse(value, base);
  if (!url || url.origin !== base) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
