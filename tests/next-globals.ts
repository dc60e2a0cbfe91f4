import { AsyncLocalStorage } from "node:async_hooks";

// Next's server sets this global before loading any of its modules, which cache what they find:
// test files share a worker's module cache, so it must be set before the first file runs.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
