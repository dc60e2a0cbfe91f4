import { AsyncLocalStorage } from "node:async_hooks";

// Next's server installs this global before loading its request-scope modules; so must a test.
(globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage }).AsyncLocalStorage ??= AsyncLocalStorage;
