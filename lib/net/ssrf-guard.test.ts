import type { LookupFunction } from "node:net";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingServer } from "@/tests/counting-server";
import { assertPublicDestination, assertPublicHostname, createGuardedAgent, isBlockedDestination, isForbiddenAddress } from "./ssrf-guard";

/** A resolver answering from a table, in turn per call when a name has several answers (DNS rebinding). */
function tableLookup(table: Record<string, string[]>): LookupFunction {
  const calls = new Map<string, number>();
  return (hostname, options, callback) => {
    const answers = table[hostname];
    if (!answers) return callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "", 0);
    const index = calls.get(hostname) ?? 0;
    calls.set(hostname, index + 1);
    const address = answers[Math.min(index, answers.length - 1)]!;
    const family = address.includes(":") ? 6 : 4;
    if (options.all) return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    return callback(null, address, family);
  };
}

describe("isForbiddenAddress", () => {
  it.each([
    "127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.100.100.200", "0.0.0.0", "224.0.0.1",
    "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "64:ff9b::10.0.0.1", "[::1]", "not-an-ip",
  ])("refuses %s", (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:93.184.216.34"])("allows %s", (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});

describe("assertPublicHostname", () => {
  it.each(["127.0.0.1", "10.0.0.1", "[::1]", "169.254.169.254", "localhost", "LOCALHOST.", "app.localhost", "intranet", "printer.local", "db.internal"])("refuses %s", (host) => {
    expect(() => assertPublicHostname(host)).toThrowError(/public|IP address/);
  });
  it("allows a public name", () => {
    expect(() => assertPublicHostname("mastodon.social")).not.toThrow();
  });
});

describe("guarded agent and destination check", () => {
  let inside: Awaited<ReturnType<typeof startCountingServer>>;
  beforeAll(async () => {
    inside = await startCountingServer();
  });
  afterAll(() => inside.close());

  it("refuses a public name whose DNS answer is 127.0.0.1, before and at connect, without connecting", async () => {
    const lookup = tableLookup({ "public.example": ["127.0.0.1"] });
    await expect(assertPublicDestination(new URL(`http://public.example:${inside.port}/`), { lookup })).rejects.toSatisfy(isBlockedDestination);
    const agent = createGuardedAgent({ lookup });
    const error = await request(`http://public.example:${inside.port}/`, { dispatcher: agent }).then(() => null, (caught: unknown) => caught);
    expect(isBlockedDestination(error)).toBe(true);
    expect(inside.connections()).toBe(0);
    await agent.close();
  });

  it("checks the address actually dialled, so DNS rebinding after the pre-check gains nothing", async () => {
    const lookup = tableLookup({ "rebind.example": ["93.184.216.34", "127.0.0.1"] });
    await assertPublicDestination(new URL(`http://rebind.example:${inside.port}/`), { lookup });
    const agent = createGuardedAgent({ lookup });
    const error = await request(`http://rebind.example:${inside.port}/`, { dispatcher: agent }).then(() => null, (caught: unknown) => caught);
    expect(isBlockedDestination(error)).toBe(true);
    expect(inside.connections()).toBe(0);
    await agent.close();
  });

  it("refuses IP literals (which net.connect never looks up) and non-http schemes", async () => {
    const agent = createGuardedAgent();
    for (const url of [`http://127.0.0.1:${inside.port}/`, `http://[::ffff:127.0.0.1]:${inside.port}/`]) {
      const error = await request(url, { dispatcher: agent }).then(() => null, (caught: unknown) => caught);
      expect(isBlockedDestination(error), url).toBe(true);
    }
    await expect(assertPublicDestination(new URL("file:///etc/passwd"))).rejects.toSatisfy(isBlockedDestination);
    await expect(assertPublicDestination(new URL("gopher://example.com/"))).rejects.toSatisfy(isBlockedDestination);
    expect(inside.connections()).toBe(0);
    await agent.close();
  });

  it("lets an operator-configured origin through, and only that origin", async () => {
    const agent = createGuardedAgent({ allowedOrigins: [inside.origin] });
    const response = await request(`${inside.origin}/`, { dispatcher: agent });
    expect(await response.body.text()).toBe("inside");
    expect(inside.connections()).toBe(1);
    await assertPublicDestination(new URL(`${inside.origin}/x`), { allowedOrigins: [inside.origin] });
    const other = await request(`http://127.0.0.1:${inside.port + 1}/`, { dispatcher: agent }).then(() => null, (caught: unknown) => caught);
    expect(isBlockedDestination(other)).toBe(true);
    await agent.close();
  });
});
