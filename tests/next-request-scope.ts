import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";

// Next's request APIs (headers(), cookies()) need the stores its server sets up around a route
// handler; these are Next's own constructors, loaded the way Next loads them (CommonJS).
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
const load = createRequire(import.meta.url);

interface Storage {
  run<T>(store: unknown, fn: () => T): T;
}

/** Runs `fn` as Next runs a route handler for `request`, so next-auth's route glue works in-process. */
export function inRequestScope<T>(request: Request & { nextUrl: URL }, page: string, fn: () => Promise<T>): Promise<T> {
  const { createRequestStoreForAPI } = load("next/dist/server/async-storage/request-store.js") as {
    createRequestStoreForAPI: (req: Request, url: { pathname: string; search: string }, tags: undefined, onCookies: () => void, preview: undefined) => unknown;
  };
  const { createWorkStore } = load("next/dist/server/async-storage/work-store.js") as { createWorkStore: (context: Record<string, unknown>) => unknown };
  const { workAsyncStorage } = load("next/dist/server/app-render/work-async-storage.external.js") as { workAsyncStorage: Storage };
  const { workUnitAsyncStorage } = load("next/dist/server/app-render/work-unit-async-storage.external.js") as { workUnitAsyncStorage: Storage };
  const requestStore = createRequestStoreForAPI(request, { pathname: request.nextUrl.pathname, search: request.nextUrl.search }, undefined, () => {}, undefined);
  const workStore = createWorkStore({ page, renderOpts: { experimental: {} }, isPrefetchRequest: false, buildId: "test", previouslyRevalidatedTags: [] });
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, fn));
}
