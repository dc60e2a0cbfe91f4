import { AsyncResource } from "node:async_hooks";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { requestScope as scope } from "./request-scope";

interface Waiter {
  response: ServerResponse;
  admit: () => void;
  timer: NodeJS.Timeout;
}

interface State {
  admitted: number;
  refused: number;
  cap: number;
  abandonedHoldMs: number;
  queueLimit: number;
  queueWaitMs: number;
  waiting: Waiter[];
  gated: Map<Server, { gate: Listener; listeners: Listener[] }>;
}

// Shared through globalThis: one gate per process whichever bundle (instrumentation, the route's) loads this.
const state = globalThis as unknown as { __reachInFlight?: State };

// Probes must keep answering under load: a busy instance is neither dead nor unready. Static files
// are cheap and never refused.
const EXEMPT = /^\/(api\/(health|ready)(\/|\?|$)|_next\/|favicon\.ico|icon\.svg|fonts\/)/;

const OVERLOADED = JSON.stringify({
  type: "about:blank#overloaded",
  title: "The server is busy; try again in a moment.",
  status: 503,
  code: "overloaded",
  detail: "The server is busy; try again in a moment.",
});

// A person navigating gets a page that tries again by itself; scripts and API clients get the problem.
const BUSY_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Busy</title></head>' +
  '<body style="font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem"><h1>Reach is busy</h1><p>Trying again in a moment…</p></body></html>';

/** The gate's figures for /api/metrics, or null when no gate is installed (nothing to report). */
export function inFlightCounts(): { admitted: number; waiting: number; refused: number; cap: number } | null {
  const tracked = state.__reachInFlight;
  return tracked ? { admitted: tracked.admitted, waiting: tracked.waiting.length, refused: tracked.refused, cap: tracked.cap } : null;
}

// How long a closed response's place stays taken while its work has not settled.
const ABANDONED_HOLD_MS = 5_000;
// One page view fans out (thumbnails, prefetches, API reads) past a small cap; a short, bounded wait
// serves it without letting a burst queue more work than drains in about a second or two.
const QUEUE_PER_PLACE = 8;
const QUEUE_WAIT_MS = 2_000;

type Listener = (request: IncomingMessage, response: ServerResponse) => unknown;

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === "function";

function refuse(request: IncomingMessage, response: ServerResponse) {
  if (response.headersSent || response.destroyed) return;
  const page = (request.headers.accept ?? "").includes("text/html");
  response.writeHead(503, {
    "content-type": page ? "text/html; charset=utf-8" : "application/problem+json",
    "retry-after": "1",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  response.end(page ? BUSY_PAGE : OVERLOADED);
}

interface GateOptions {
  abandonedHoldMs?: number;
  /** Requests that may wait for a place (default 8 per place); past it, 503 at once. */
  queueLimit?: number;
  /** How long one may wait before it is refused with 503. */
  queueWaitMs?: number;
}

/**
 * Puts a gate in front of the request listeners of every HTTP server in this process (`next start`,
 * the standalone server.js, a test's), found through Node's `http.server.request.start` channel,
 * which fires before the server hands a request to them. Past `cap` requests at once (0: no cap) a
 * request waits, first come first served, up to `queueWaitMs` among at most `queueLimit` others; past
 * that it is answered 503 overloaded, before Next does any work. An admitted request runs in a scope
 * that `clientGone()` reads, and frees its place once its response has closed and the listener's
 * promise (Next's handler returns one) has settled, or `abandonedHoldMs` after the close at most.
 * Once per process; the returned function takes the gate away again (tests share a process).
 */
export function trackInFlightRequests(
  cap: number,
  { abandonedHoldMs = ABANDONED_HOLD_MS, queueLimit = cap * QUEUE_PER_PLACE, queueWaitMs = QUEUE_WAIT_MS }: GateOptions = {},
): () => void {
  if (state.__reachInFlight) return () => {};
  const tracked: State = { admitted: 0, refused: 0, cap, abandonedHoldMs, queueLimit, queueWaitMs, waiting: [], gated: new Map() };
  state.__reachInFlight = tracked;

  const admitWaiting = () => {
    while (tracked.waiting.length > 0 && (tracked.cap === 0 || tracked.admitted < tracked.cap)) {
      const waiter = tracked.waiting.shift()!;
      clearTimeout(waiter.timer);
      // A client that left while it waited costs nothing more.
      if (!waiter.response.destroyed && !waiter.response.writableEnded) waiter.admit();
    }
  };

  const run = (server: Server, listeners: Listener[], request: IncomingMessage, response: ServerResponse, counted: boolean) => {
    const context = { gone: false };
    // The place is held until the response has closed and the listeners' work has settled: a
    // client that left frees nothing while its request still works, so a burst cannot pile up work.
    let open = true;
    let working = 0;
    const release = () => {
      if (!counted) return;
      tracked.admitted -= 1;
      counted = false;
      admitWaiting();
    };
    const settle = () => {
      if (!open && working === 0) release();
    };
    if (counted) tracked.admitted += 1;
    response.once("close", () => {
      if (!response.writableFinished) context.gone = true;
      open = false;
      // Work that never settles (a handler stuck on a dead socket) must not keep the place for ever.
      if (working > 0) setTimeout(release, tracked.abandonedHoldMs).unref();
      settle();
    });
    scope.run(context, () => {
      for (const listener of listeners) {
        const result: unknown = listener.call(server, request, response);
        if (!isPromise(result)) continue;
        working += 1;
        const done = () => {
          working -= 1;
          settle();
        };
        result.then(done, done);
      }
    });
  };

  const gate = (listeners: Listener[]): Listener =>
    function gated(this: Server, request, response) {
      const exempt = EXEMPT.test(request.url ?? "");
      if (exempt || tracked.cap === 0 || tracked.admitted < tracked.cap) return run(this, listeners, request, response, !exempt);
      if (tracked.waiting.length >= tracked.queueLimit) {
        tracked.refused += 1;
        return refuse(request, response);
      }
      // Bound to this request's async context, so its work is traced and scoped as its own, not as
      // the context of whichever request's end lets it in.
      const admit = AsyncResource.bind(() => run(this, listeners, request, response, true));
      const waiter: Waiter = {
        response,
        admit,
        timer: setTimeout(() => {
          tracked.waiting.splice(tracked.waiting.indexOf(waiter), 1);
          tracked.refused += 1;
          refuse(request, response);
        }, tracked.queueWaitMs).unref(),
      };
      tracked.waiting.push(waiter);
      response.once("close", () => {
        const at = tracked.waiting.indexOf(waiter);
        if (at === -1) return;
        tracked.waiting.splice(at, 1);
        clearTimeout(waiter.timer);
      });
    };

  const onStart = (message: unknown) => {
    const { server } = message as { server: Server };
    if (tracked.gated.has(server)) return;
    // The server emits "request" right after this channel, so even this first request meets the gate.
    const listeners = server.listeners("request") as Listener[];
    const gated = gate(listeners);
    tracked.gated.set(server, { gate: gated, listeners });
    server.removeAllListeners("request");
    server.on("request", gated);
  };
  subscribe("http.server.request.start", onStart);
  return () => {
    if (state.__reachInFlight !== tracked) return;
    unsubscribe("http.server.request.start", onStart);
    for (const [server, { gate: gated, listeners }] of tracked.gated) {
      server.off("request", gated);
      for (const listener of listeners) server.on("request", listener);
    }
    state.__reachInFlight = undefined;
    tracked.cap = 0;
    admitWaiting();
  };
}
