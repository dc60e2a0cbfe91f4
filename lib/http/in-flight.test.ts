import { AsyncResource } from "node:async_hooks";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import { inFlightCounts, trackInFlightRequests } from "./in-flight";

const inFlightRequests = () => inFlightCounts()?.admitted ?? 0;
import { clientGone } from "./request-scope";

const CAP = 4;
// The suite never waits for it: the test that needs it to run out advances fake timers.
const HOLD_MS = 60_000;

/**
 * A real HTTP server behind the gate, as `next start` is: a request the gate admits is held, like a
 * slow page, until the test releases it.
 */
describe("the per-instance concurrency cap on a real HTTP server", () => {
  let server: Server;
  let base: string;
  const held: ServerResponse[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const closed = new WeakMap<ServerResponse, Promise<void>>();
  // clientGone() as the request's own work would call it later, in the request's scope.
  const goneProbe = new WeakMap<ServerResponse, () => boolean>();
  // And a query it would run next, through the RLS entry point.
  const queryProbe = new WeakMap<ServerResponse, () => Promise<unknown>>();
  let finishWork: (() => void) | null = null;
  let db: TestDatabase;
  let untrack: () => void;

  const heldReaches = (count: number) =>
    new Promise<void>((resolve) => (held.length >= count ? resolve() : waiters.push({ count, resolve })));
  const release = () => {
    for (const response of held.splice(0)) if (!response.writableEnded && !response.destroyed) response.end("done");
  };

  beforeAll(async () => {
    // No waiting room here: each refusal below proves the cap; the queue has its own tests below.
    untrack = trackInFlightRequests(CAP, { abandonedHoldMs: HOLD_MS, queueLimit: 0 });
    db = await createTestDatabase("pglite");
    server = createServer((req, res) => {
      closed.set(res, new Promise((resolve) => res.once("close", () => resolve())));
      goneProbe.set(res, AsyncResource.bind(() => clientGone()));
      queryProbe.set(res, AsyncResource.bind(() => runAsUser(db.connection, null, (tx) => tx.execute(sql`select 1`))));
      // The probes and static files answer at once, as in the app.
      if (req.url === "/api/health" || req.url?.startsWith("/_next/")) return void res.end("ok");
      held.push(res);
      for (const waiter of waiters.filter((w) => held.length >= w.count)) waiter.resolve();
      // Like Next's handler, whose promise settles only when the request's work is over.
      if (req.url === "/slow-work") return new Promise<void>((resolve) => (finishWork = resolve));
      if (req.url === "/stuck-work") return new Promise<void>(() => {});
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    // Test files share the worker's process: other files' servers must not meet this cap.
    untrack?.();
    release();
    await new Promise((resolve) => server.close(resolve));
    await db?.drop();
  });

  it("refuses past the cap at once with 503 overloaded and Retry-After, but never the probes", async () => {
    const working = Array.from({ length: CAP }, () => fetch(`${base}/demo/accounts`));
    await heldReaches(CAP);
    expect(inFlightRequests()).toBe(CAP);

    const refused = await fetch(`${base}/demo/accounts`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toMatchObject({ status: 503, code: "overloaded" });
    expect((await fetch(`${base}/api/v1/workspaces/demo/accounts`)).status).toBe(503);
    const navigation = await fetch(`${base}/demo/accounts`, { headers: { accept: "text/html,application/xhtml+xml" } });
    expect([navigation.status, navigation.headers.get("content-type"), navigation.headers.get("retry-after")]).toEqual([503, "text/html; charset=utf-8", "1"]);
    expect(await navigation.text()).toContain('http-equiv="refresh"');
    expect((await fetch(`${base}/_next/static/chunk.js`)).status).toBe(200);

    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);

    release();
    expect((await Promise.all(working)).map((response) => response.status)).toEqual(Array(CAP).fill(200));
  });

  it("frees a place when a client goes away before its answer", async () => {
    const controllers = Array.from({ length: CAP }, () => new AbortController());
    const working = controllers.map((controller) => fetch(`${base}/demo/accounts`, { signal: controller.signal }).catch(() => null));
    await heldReaches(CAP);
    expect((await fetch(`${base}/demo/accounts`)).status).toBe(503);

    const gone = held.shift()!;
    expect(goneProbe.get(gone)!()).toBe(false);
    controllers[0]!.abort();
    await closed.get(gone);
    expect(goneProbe.get(gone)!()).toBe(true);
    expect(goneProbe.get(held[0]!)!()).toBe(false);
    await expect(queryProbe.get(gone)!()).rejects.toMatchObject({ code: "unavailable" });
    await expect(queryProbe.get(held[0]!)!()).resolves.toBeDefined();
    const admitted = fetch(`${base}/demo/accounts`);
    await heldReaches(CAP);
    release();
    expect((await admitted).status).toBe(200);
    await Promise.all(working);
  });

  it("keeps the place of a client that left while its request still works, and frees it when the work settles", async () => {
    const controller = new AbortController();
    const leaving = fetch(`${base}/slow-work`, { signal: controller.signal }).catch(() => null);
    await heldReaches(1);
    const others = Array.from({ length: CAP - 1 }, () => fetch(`${base}/demo/accounts`));
    await heldReaches(CAP);
    const gone = held.shift()!;
    controller.abort();
    await closed.get(gone);
    expect(goneProbe.get(gone)!()).toBe(true);
    expect(inFlightRequests()).toBe(CAP);
    expect((await fetch(`${base}/demo/accounts`)).status).toBe(503);

    finishWork!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlightRequests()).toBe(CAP - 1);
    const admitted = fetch(`${base}/demo/accounts`);
    await heldReaches(CAP);
    release();
    expect((await Promise.all([admitted, ...others])).map((response) => response.status)).toEqual(Array(CAP).fill(200));
    await leaving;
  });

  it("frees the place of a gone client whose work never settles once the hold is over", async () => {
    const controller = new AbortController();
    const leaving = fetch(`${base}/stuck-work`, { signal: controller.signal }).catch(() => null);
    await heldReaches(1);
    const gone = held.shift()!;
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      controller.abort();
      await closed.get(gone);
      expect(inFlightRequests()).toBe(1);
      vi.advanceTimersByTime(HOLD_MS - 1);
      expect(inFlightRequests()).toBe(1);
      vi.advanceTimersByTime(1);
      expect(inFlightRequests()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    await leaving;
  });

  it("answers a burst past the cap while the admitted work is still running, and is whole again after it", async () => {
    const working = Array.from({ length: CAP }, () => fetch(`${base}/demo/accounts`));
    await heldReaches(CAP);
    // Nothing is released yet, so every one of these answers proves it was refused without waiting.
    const refusedBefore = inFlightCounts()!.refused;
    const burst = await Promise.all(Array.from({ length: CAP * 5 }, () => fetch(`${base}/demo/accounts`)));
    expect(burst.map((response) => response.status)).toEqual(Array(CAP * 5).fill(503));
    expect(inFlightCounts()).toEqual({ admitted: CAP, waiting: 0, refused: refusedBefore + CAP * 5, cap: CAP });
    release();
    await Promise.all(working);
    expect(inFlightRequests()).toBe(0);
    const next = Array.from({ length: CAP }, () => fetch(`${base}/demo/accounts`));
    await heldReaches(CAP);
    release();
    expect((await Promise.all(next)).map((response) => response.status)).toEqual(Array(CAP).fill(200));
  });

  it("can be taken away, leaving the server as it was", async () => {
    untrack();
    expect(inFlightCounts()).toBeNull();
    const working = Array.from({ length: CAP + 2 }, () => fetch(`${base}/demo/accounts`));
    await heldReaches(CAP + 2);
    release();
    expect((await Promise.all(working)).map((response) => response.status)).toEqual(Array(CAP + 2).fill(200));
  });
});

describe("the wait for a place past the cap", () => {
  const PLACES = 2;
  const QUEUE = 2;
  const WAIT_MS = 60_000;
  let server: Server;
  let base: string;
  let untrack: () => void;
  const held: { url: string; response: ServerResponse }[] = [];
  const heldReaches = (count: number) =>
    vi.waitFor(() => expect(held.length).toBeGreaterThanOrEqual(count), { timeout: 60_000, interval: 5 });
  const answer = (index = 0) => held.splice(index, 1)[0]!.response.end("done");

  beforeAll(async () => {
    untrack = trackInFlightRequests(PLACES, { queueLimit: QUEUE, queueWaitMs: WAIT_MS });
    server = createServer((req, res) => {
      held.push({ url: req.url ?? "", response: res });
      return new Promise<void>((resolve) => res.once("close", () => resolve()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    untrack?.();
    for (const { response } of held.splice(0)) response.end();
    await new Promise((resolve) => server.close(resolve));
  });

  it("lets waiting requests in first come first served as places free, and refuses at once past the waiting room", async () => {
    const first = [fetch(`${base}/a`), fetch(`${base}/b`)];
    await heldReaches(PLACES);
    const waiting = [fetch(`${base}/c`), fetch(`${base}/d`)];
    await vi.waitFor(() => expect(inFlightCounts()).toMatchObject({ admitted: PLACES, waiting: QUEUE }), { timeout: 60_000, interval: 5 });
    const refused = await fetch(`${base}/e`);
    expect([refused.status, refused.headers.get("retry-after")]).toEqual([503, "1"]);
    expect(held.map((entry) => entry.url)).toEqual(["/a", "/b"]);

    answer();
    await heldReaches(PLACES);
    expect(held.map((entry) => entry.url)).toEqual(["/b", "/c"]);
    answer();
    answer();
    await heldReaches(1);
    expect(held.map((entry) => entry.url)).toEqual(["/d"]);
    answer();
    expect((await Promise.all([...first, ...waiting])).map((response) => response.status)).toEqual([200, 200, 200, 200]);
    await vi.waitFor(() => expect(inFlightCounts()).toMatchObject({ admitted: 0, waiting: 0 }), { timeout: 60_000, interval: 5 });
  });

  it("refuses a waiting request with 503 when its wait runs out, and never runs it", async () => {
    const working = [fetch(`${base}/a`), fetch(`${base}/b`)];
    await heldReaches(PLACES);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const waiting = fetch(`${base}/late`, { headers: { accept: "text/html" } });
      await vi.waitFor(() => expect(inFlightCounts()!.waiting).toBe(1), { timeout: 60_000, interval: 5 });
      vi.advanceTimersByTime(WAIT_MS);
      const response = await waiting;
      expect([response.status, response.headers.get("content-type")]).toEqual([503, "text/html; charset=utf-8"]);
      expect(inFlightCounts()!.waiting).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    answer();
    answer();
    await Promise.all(working);
    expect(held).toEqual([]);
  });

  it("drops a waiting client that leaves, so its place goes to the next one", async () => {
    const working = [fetch(`${base}/a`), fetch(`${base}/b`)];
    await heldReaches(PLACES);
    const controller = new AbortController();
    const leaving = fetch(`${base}/leaves`, { signal: controller.signal }).catch(() => null);
    await vi.waitFor(() => expect(inFlightCounts()!.waiting).toBe(1), { timeout: 60_000, interval: 5 });
    const staying = fetch(`${base}/stays`);
    await vi.waitFor(() => expect(inFlightCounts()!.waiting).toBe(2), { timeout: 60_000, interval: 5 });
    controller.abort();
    await vi.waitFor(() => expect(inFlightCounts()!.waiting).toBe(1), { timeout: 60_000, interval: 5 });
    answer();
    await heldReaches(PLACES);
    expect(held.map((entry) => entry.url)).toEqual(["/b", "/stays"]);
    answer();
    answer();
    expect((await Promise.all([...working, staying])).map((response) => response.status)).toEqual([200, 200, 200]);
    expect(await leaving).toBeNull();
  });

  it("lets every waiting request in when the gate is taken away", async () => {
    const working = [fetch(`${base}/a`), fetch(`${base}/b`)];
    await heldReaches(PLACES);
    const waiting = fetch(`${base}/c`);
    await vi.waitFor(() => expect(inFlightCounts()!.waiting).toBe(1), { timeout: 60_000, interval: 5 });
    untrack();
    await heldReaches(3);
    while (held.length > 0) answer();
    expect((await Promise.all([...working, waiting])).map((response) => response.status)).toEqual([200, 200, 200]);
  });
});
