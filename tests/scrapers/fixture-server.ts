import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ORIGINAL_HOST_HEADER } from "@/lib/scrapers/http/origin-rewrite";
import type { FixtureResponse, FixtureRoute } from "./fixture-types";
import { DEFAULT_FIXTURE_ROUTES, FIXTURES_DIR } from "./fixture-routes";
import { devAccountResponse } from "./dev-accounts";
import { imageChunks } from "./fixture-images";

export type { FixtureResponse, FixtureRoute } from "./fixture-types";

/** What a dynamic handler answers for a request no route matched. */
export interface DynamicAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export type FaultKind = "5xx" | "reset" | "slow";

export interface FaultOptions {
  /** Share of requests that fail, 0..1. */
  rate: number;
  kinds?: FaultKind[];
  slowMs?: number;
  seed?: number;
}

export interface FixtureServerOptions {
  port?: number;
  host?: string;
  routes?: FixtureRoute[];
  /** Added to `routes` (the platform defaults unless given). */
  extraRoutes?: FixtureRoute[];
  faults?: FaultOptions | null;
  /** Added to every answer: to simulate a slow upstream without failing. */
  latencyMs?: number;
  /** Development mode: a request no route matches is answered as a normal account for any handle (dev-accounts.ts). */
  anyAccount?: boolean;
  /** Asked before anyAccount for a request no route matches (e.g. tests/tiktok/dev-posts.ts); null passes. */
  dynamic?: (host: string, url: URL) => DynamicAnswer | null;
}

export interface FixtureServer {
  origin: string;
  port: number;
  /** host → origin for every host the routes name, ready for createScraperConfig. */
  overrides(): Map<string, string>;
  /** The same as a SCRAPER_ORIGIN_OVERRIDES value. */
  overridesEnv(): string;
  setRoute(route: FixtureRoute): void;
  setFaults(faults: FaultOptions | null): void;
  hits(host: string, path: string): number;
  close(): Promise<void>;
}

// Deterministic PRNG (mulberry32) so a fault-injection run can be replayed.
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A real HTTP server on 127.0.0.1 that answers as the platforms would, keyed by the original host and path. */
export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const routes = new Map<string, FixtureRoute>();
  const served = new Map<string, number>();
  const fileCache = new Map<string, Buffer>();
  let faults = options.faults ?? null;
  let random = prng(faults?.seed ?? 1);

  const setRoute = (route: FixtureRoute) => {
    routes.set(`${route.host.toLowerCase()}${route.path}`, route);
    served.set(`${route.host.toLowerCase()}${route.path}`, 0);
  };
  for (const route of [...(options.routes ?? DEFAULT_FIXTURE_ROUTES), ...(options.extraRoutes ?? [])]) setRoute(route);

  // Routes whose path carries a query match when every listed parameter is present with that value.
  function findRoute(req: IncomingMessage): { key: string; route: FixtureRoute } | null {
    const url = new URL(req.url ?? "/", "http://fixture.invalid");
    const forwarded = req.headers[ORIGINAL_HOST_HEADER];
    // Clients that cannot add headers (googleapis) are matched by path alone.
    const host = typeof forwarded === "string" ? forwarded.toLowerCase() : null;
    let fallback: { key: string; route: FixtureRoute } | null = null;
    for (const [key, route] of routes) {
      if (host !== null && route.host.toLowerCase() !== host) continue;
      const [pathname, query] = route.path.split("?");
      if (pathname !== url.pathname) continue;
      if (!query) {
        fallback ??= { key, route };
        continue;
      }
      const wanted = new URLSearchParams(query);
      if ([...wanted].every(([name, value]) => url.searchParams.get(name) === value)) return { key, route };
    }
    return fallback;
  }

  async function body(response: FixtureResponse): Promise<Buffer | null> {
    if (response.body !== undefined) return Buffer.from(response.body);
    if (!response.file) return null;
    let cached = fileCache.get(response.file);
    if (!cached) {
      cached = await readFile(path.join(FIXTURES_DIR, response.file));
      fileCache.set(response.file, cached);
    }
    return cached;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    if (faults && random() < faults.rate) {
      const kinds = faults.kinds ?? ["5xx", "reset", "slow"];
      const kind = kinds[Math.floor(random() * kinds.length)] ?? "5xx";
      if (kind === "reset") return void req.socket.destroy();
      if (kind === "5xx") return void res.writeHead(503, { "content-type": "text/plain" }).end("Service Unavailable");
      await new Promise((resolve) => setTimeout(resolve, faults?.slowMs ?? 5_000));
    }
    const found = findRoute(req);
    const forwarded = req.headers[ORIGINAL_HOST_HEADER];
    const dynamic = !found && options.dynamic && typeof forwarded === "string" ? options.dynamic(forwarded.toLowerCase(), new URL(req.url ?? "/", "http://fixture.invalid")) : null;
    if (dynamic) return void res.writeHead(dynamic.status, dynamic.headers).end(dynamic.body);
    const dev = !found && options.anyAccount && typeof forwarded === "string" ? devAccountResponse(forwarded.toLowerCase(), new URL(req.url ?? "/", "http://fixture.invalid")) : null;
    if (dev) return void res.writeHead(200, { "content-type": dev.contentType }).end(dev.body);
    if (!found) return void res.writeHead(404, { "content-type": "text/plain" }).end(`no fixture for ${req.headers[ORIGINAL_HOST_HEADER] ?? "?"}${req.url}`);
    const count = served.get(found.key) ?? 0;
    served.set(found.key, count + 1);
    const response = found.route.responses[Math.min(count, found.route.responses.length - 1)] ?? {};
    if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
    if (response.reset) return void req.socket.destroy();
    const headers = { "content-type": contentType(response), ...response.headers };
    if (response.image) {
      res.writeHead(response.status ?? 200, { ...headers, "content-length": String(response.image.bytes) });
      for (const chunk of imageChunks(response.image.format, response.image.bytes)) {
        if (!res.write(chunk)) await new Promise((resolve) => res.once("drain", resolve));
        if (res.destroyed) return;
      }
      return void res.end();
    }
    const payload = await body(response);
    res.writeHead(response.status ?? 200, headers).end(payload ?? "");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const origin = `http://${address}:${port}`;
  const hosts = () => [...new Set([...routes.values()].map((route) => route.host.toLowerCase()))];

  return {
    origin,
    port,
    overrides: () => new Map(hosts().map((host) => [host, origin])),
    overridesEnv: () => hosts().map((host) => `${host}=${origin}`).join(","),
    setRoute,
    setFaults(next) {
      faults = next;
      random = prng(next?.seed ?? 1);
    },
    hits: (host, routePath) => served.get(`${host.toLowerCase()}${routePath}`) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function contentType(response: FixtureResponse): string {
  if (response.image) return `image/${response.image.format}`;
  if (response.file?.endsWith(".json") || response.body?.trimStart().startsWith("{")) return "application/json; charset=utf-8";
  return "text/html; charset=utf-8";
}
