import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/http/client-ip";

const headers = (init: Record<string, string>) => new Headers(init);

describe("clientIp", () => {
  it("never reads the leftmost X-Forwarded-For entry, which the client writes", () => {
    const forged = headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.9" });
    expect(clientIp(forged, { trustedProxyHops: 1, vercel: false })).toBe("203.0.113.9");
    expect(clientIp(headers({ "x-forwarded-for": "1.1.1.1, 198.51.100.2, 10.0.0.5" }), { trustedProxyHops: 2, vercel: false })).toBe("198.51.100.2");
  });

  it("trusts nothing without a configured proxy, and nothing from a chain shorter than the proxies", () => {
    expect(clientIp(headers({ "x-forwarded-for": "1.1.1.1", "x-real-ip": "2.2.2.2" }), { trustedProxyHops: 0, vercel: false })).toBeNull();
    expect(clientIp(headers({ "x-forwarded-for": "1.1.1.1" }), { trustedProxyHops: 2, vercel: false })).toBeNull();
    expect(clientIp(headers({}), { trustedProxyHops: 1, vercel: false })).toBeNull();
  });

  it("reads Vercel's own header on Vercel, not the client's X-Forwarded-For", () => {
    const request = headers({ "x-forwarded-for": "1.1.1.1", "x-vercel-forwarded-for": "203.0.113.4" });
    expect(clientIp(request, { trustedProxyHops: 0, vercel: true })).toBe("203.0.113.4");
    expect(clientIp(request, { trustedProxyHops: 0, vercel: false })).toBeNull();
  });
});
