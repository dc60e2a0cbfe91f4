import { randomUUID } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";

/** The header the tracker sets on a request it refused; the proxy answers it with 503. */
export const OVERLOAD_HEADER = "x-reach-overloaded";

interface State {
  admitted: number;
  // Per process, so a client sending the header itself cannot be mistaken for a refusal (nor cause one).
  mark: string;
}

// Shared through globalThis: instrumentation decides, the proxy (another bundle, same process) answers.
const state = globalThis as unknown as { __reachInFlight?: State };

// Probes must keep answering under load: a busy instance is neither dead nor unready. Static files
// (the proxy's matcher skips them too) are cheap and never refused.
const EXEMPT = /^\/(api\/(health|ready)(\/|\?|$)|_next\/|favicon\.ico|icon\.svg|fonts\/)/;

/** Requests admitted and not yet answered or lost; 0 until tracking starts. */
export function inFlightRequests(): number {
  return state.__reachInFlight?.admitted ?? 0;
}

/** Whether the tracker refused this request (its headers as the proxy sees them). */
export function isRefused(headers: Headers): boolean {
  const mark = state.__reachInFlight?.mark;
  return mark !== undefined && headers.get(OVERLOAD_HEADER) === mark;
}

/**
 * Admits at most `cap` requests at once, decided when Node's HTTP server starts each one (so a burst
 * arriving in one tick is counted exactly), whatever server it is: `next start`, the standalone
 * server.js or a test's. A place is freed when the response closes: answered, or the client went away.
 * Once per process; a cap of 0 admits everything.
 */
export function trackInFlightRequests(cap: number): void {
  if (state.__reachInFlight) return;
  const tracked: State = { admitted: 0, mark: randomUUID() };
  state.__reachInFlight = tracked;
  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    delete request.headers[OVERLOAD_HEADER];
    if (cap === 0 || EXEMPT.test(request.url ?? "")) return;
    if (tracked.admitted >= cap) {
      request.headers[OVERLOAD_HEADER] = tracked.mark;
      return;
    }
    tracked.admitted += 1;
    response.once("close", () => {
      tracked.admitted -= 1;
    });
  });
}
