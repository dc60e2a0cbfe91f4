import { AsyncLocalStorage } from "node:async_hooks";

// A leaf (no imports of ours), so lib/db may ask it. Shared through globalThis: instrumentation and
// the route bundles load separate copies of this module.
const holder = globalThis as unknown as { __reachRequestScope?: AsyncLocalStorage<{ gone: boolean }> };

/** The scope each admitted HTTP request runs in; `gone` turns true when its client disconnects first. */
export const requestScope = (holder.__reachRequestScope ??= new AsyncLocalStorage<{ gone: boolean }>());

/** Whether the client of the request being served has disconnected before its answer: its remaining work is wasted. */
export function clientGone(): boolean {
  return requestScope.getStore()?.gone ?? false;
}
