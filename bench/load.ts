/**
 * Load against a production build (`npm run build` first): `next start` on a fresh embedded
 * database seeded with the demo, a signed-in viewer, autocannon at 1, 20 and 200 clients on a page,
 * the accounts API and /api/health, with the summary cache on and off; the time to recover after
 * the 200-client burst; a realistic mix of summary reads and its cache hit rate from /api/metrics.
 *
 *   npm run bench:load [-- --duration 10 --burst 30 --cap 16 --redis redis://127.0.0.1:6379/14 --port 4510 --fresh
 *     --cache on,off --targets page,api,health --no-mix --clients 1,20]
 * `--clients` lists the steady levels run before the 200-client burst, to find the capacity at p99 < 1 s.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { round } from "./stats";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4510" },
    duration: { type: "string", default: "10" },
    burst: { type: "string", default: "30" },
    // Unset: the server's own default (lib/env.ts concurrencyCapOf), which is what we ship.
    cap: { type: "string" },
    redis: { type: "string" },
    "database-url": { type: "string" },
    fresh: { type: "boolean", default: false },
    cache: { type: "string", default: "on,off" },
    targets: { type: "string", default: "page,api,health" },
    "no-mix": { type: "boolean", default: false },
    clients: { type: "string", default: "1,20" },
  },
});

const PORT = Number(values.port);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(values.duration);
const LEVELS = [...values.clients.split(",").map(Number), 200];
const BURST = Number(values.burst);
const METRICS_TOKEN = "bench-load-metrics-token-0123456789";
const VIEWER = DEMO_USERS.find((user) => user.role === "viewer")!;
const DATA_DIR = ".data/bench-load";

interface Run {
  target: string;
  cache: "on" | "off";
  clients: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  refused503: number;
  otherNon2xx: number;
  errors: number;
  timeouts: number;
  load1: number;
}

function startServer(cache: boolean, cap: string | undefined): Promise<ChildProcess> {
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: {
      // eslint-disable-next-line no-restricted-properties -- the child server inherits this shell's environment, plus its own settings below.
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      REACH_DATA_DIR: DATA_DIR,
      DATABASE_URL: values["database-url"] ?? "",
      REDIS_URL: values.redis ?? "",
      NEXTAUTH_URL: BASE,
      ALLOW_INSECURE_COOKIES: "1",
      NEXTAUTH_SECRET: "bench-load-secret-0123456789abcdef0123456789",
      METRICS_TOKEN,
      SNAPSHOT_LOCAL_TIME: "off",
      LOG_LEVEL: "error",
      MAX_CONCURRENT_REQUESTS: cap ?? "",
      SUMMARY_CACHE_TTL_SECONDS: cache ? "600" : "0",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  return waitReady().then(() => child);
}

async function waitReady(): Promise<void> {
  const deadline = Date.now() + 600_000;
  let last = "no answer";
  while (Date.now() < deadline) {
    const answer = await fetch(`${BASE}/api/ready`).then(async (response) => ({ ok: response.ok, body: await response.text() }), () => null);
    if (answer?.ok) return;
    // Pending migrations never apply themselves on Postgres (`npm run db:migrate`): say so at once.
    if (answer?.body.includes('"migrations":{"ok":false')) throw new Error(`the server is not ready: ${answer.body}`);
    last = answer?.body ?? last;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the server did not become ready in 10 minutes: ${last}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGTERM");
    await exited;
  }
  // npx exits before next-server has closed the embedded database: wait for the whole process group.
  while (groupAlive(child.pid!)) await new Promise((resolve) => setTimeout(resolve, 200));
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A real sign-in through next-auth's credentials endpoint; returns the Cookie header to send. */
async function signInViewer(): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const csrfCookies = csrf.headers.getSetCookie().map((entry) => entry.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ email: VIEWER.email, password: VIEWER.password, csrfToken, json: "true" }).toString(),
  });
  const session = answer.headers.getSetCookie().find((entry) => entry.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${VIEWER.email} failed: ${answer.status}`);
  return [...csrfCookies, session.split(";")[0]].join("; ");
}

const today = new Date().toISOString().slice(0, 10);
const weekAgo = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
const monthAgo = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);

const ALL_TARGETS: Record<string, { name: string; paths: string[] }> = {
  page: { name: "page /demo/accounts", paths: ["/demo/accounts"] },
  api: { name: "api accounts", paths: ["/api/v1/workspaces/demo/accounts"] },
  health: { name: "/api/health", paths: ["/api/health"] },
};
const TARGETS = Object.fromEntries(
  values.targets.split(",").map((key) => {
    const target = ALL_TARGETS[key.trim()];
    if (!target) throw new Error(`--targets: unknown target "${key}" (page, api, health)`);
    return [target.name, target.paths];
  }),
);
const CACHES = values.cache.split(",").map((value) => {
  if (value !== "on" && value !== "off") throw new Error(`--cache: "${value}" is neither on nor off`);
  return value;
});

// What a team does in a morning: mostly the first pages of the grid and the overview, some filters
// and sorts, the leaderboards for the last week or month, by page and by API.
const MIX = [
  "/demo",
  "/demo/accounts",
  "/demo/accounts",
  "/demo/accounts?sort=followers",
  "/demo/accounts?page=2",
  "/demo/accounts?platform=tiktok",
  "/demo/accounts?platform=instagram",
  "/demo/accounts?health=failing",
  "/demo/leaderboards",
  "/demo/leaderboards?by=creator",
  "/api/v1/workspaces/demo/accounts",
  "/api/v1/workspaces/demo/accounts?sort=handle&pageSize=100",
  `/api/v1/workspaces/demo/posts/leaderboard?by=va&from=${weekAgo}&to=${today}`,
  `/api/v1/workspaces/demo/posts/leaderboard?by=set&from=${monthAgo}&to=${today}`,
];

async function cannon(paths: string[], clients: number, seconds: number, cookie: string): Promise<autocannon.Result> {
  return autocannon({
    url: BASE,
    connections: clients,
    duration: seconds,
    timeout: 10,
    headers: { cookie, "accept-encoding": "gzip" },
    requests: paths.map((path) => ({ method: "GET", path })),
  });
}

function summarize(target: string, cache: "on" | "off", clients: number, seconds: number, result: autocannon.Result): Run {
  const refused = result.statusCodeStats?.["503"]?.count ?? 0;
  return {
    target,
    cache,
    clients,
    seconds,
    reqPerSec: round(result.requests.average, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result["2xx"] + result["3xx"],
    refused503: refused,
    otherNon2xx: result.non2xx - result["3xx"] - refused,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    load1: round(loadavg()[0]!, 2),
  };
}

/**
 * From the end of a burst, how long until one client gets three answers in a row, each 200 within
 * 1 s; with every probe's status and milliseconds, so a slow recovery shows where it waited.
 */
async function timeToRecover(path: string, cookie: string): Promise<{ seconds: number; probes: string[] }> {
  const started = performance.now();
  const probes: string[] = [];
  let streak = 0;
  while (streak < 3 && performance.now() - started < 120_000) {
    const sent = performance.now();
    const status = await fetch(`${BASE}${path}`, { headers: { cookie }, signal: AbortSignal.timeout(10_000) }).then(
      async (response) => (await response.arrayBuffer(), response.status),
      () => 0,
    );
    const took = performance.now() - sent;
    probes.push(`${status}:${Math.round(took)}`);
    streak = status === 200 && took < 1000 ? streak + 1 : 0;
  }
  return { seconds: round((performance.now() - started) / 1000, 2), probes };
}

async function cacheCounts(): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(`${BASE}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const sum = (result: string) =>
    [...text.matchAll(new RegExp(`^reach_summary_cache_lookups_total\\{[^}]*result="${result}"[^}]*\\} (\\d+)$`, "gm"))].reduce((total, match) => total + Number(match[1]), 0);
  return { hits: sum("hit"), misses: sum("miss") };
}

/** The cap the server runs with, from its own gauge: what a run measured, whatever the default. */
async function serverCap(): Promise<number | null> {
  const text = await (await fetch(`${BASE}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const match = /^reach_http_concurrency_cap (\d+)$/m.exec(text);
  return match ? Number(match[1]) : null;
}

async function compressionOf(path: string, cookie: string): Promise<string> {
  const response = await fetch(`${BASE}${path}`, { headers: { cookie, "accept-encoding": "gzip" } });
  await response.arrayBuffer();
  return response.headers.get("content-encoding") ?? "none";
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` first");
  // The demo is seeded when the embedded database is empty; --fresh starts from nothing again.
  if (values.fresh) await rm(DATA_DIR, { recursive: true, force: true });
  await mkdir(".data", { recursive: true });
  const runs: Run[] = [];
  const recoveries: Record<string, unknown>[] = [];
  const mixes: Record<string, unknown>[] = [];
  const compression: Record<string, string> = {};
  let cap: number | null = null;
  const loadBefore = loadavg().map((value) => round(value, 2));

  for (const cache of CACHES) {
    const server = await startServer(cache === "on", values.cap);
    try {
      const cookie = await signInViewer();
      cap = await serverCap();
      if (cache === "on") {
        for (const path of ["/demo/accounts", "/api/v1/workspaces/demo/accounts", "/api/ready"]) compression[path] = await compressionOf(path, cookie);
      }
      await cannon(["/demo/accounts", "/api/v1/workspaces/demo/accounts"], 4, 3, cookie);
      for (const [target, paths] of Object.entries(TARGETS)) {
        if (cache === "off" && target === "/api/health") continue;
        for (const clients of LEVELS) {
          const seconds = clients === 200 ? BURST : DURATION;
          const run = summarize(target, cache, clients, seconds, await cannon(paths, clients, seconds, cookie));
          runs.push(run);
          console.error(JSON.stringify(run));
          if (clients === 200 && target !== "/api/health") {
            const recover = await timeToRecover(paths[0]!, cookie);
            const after = summarize(`${target} (20 clients right after)`, cache, 20, 5, await cannon(paths, 20, 5, cookie));
            recoveries.push({ target, cache, recoverSeconds: recover.seconds, probes: recover.probes.join(" "), after });
            console.error(JSON.stringify(recoveries.at(-1)));
          }
        }
      }
      if (values["no-mix"]) continue;
      const before = await cacheCounts();
      const mix = summarize("mix", cache, 20, DURATION * 2, await cannon(MIX, 20, DURATION * 2, cookie));
      const after = await cacheCounts();
      const lookups = after.hits - before.hits + (after.misses - before.misses);
      mixes.push({ ...mix, hitRate: lookups === 0 ? null : round((after.hits - before.hits) / lookups, 3), lookups });
      console.error(JSON.stringify(mixes.at(-1)));
    } finally {
      await stopServer(server);
    }
  }

  const cores = availableParallelism();
  const withinSla = runs.filter((run) => run.target !== "/api/health" && run.p99Ms < 1000 && run.timeouts === 0 && run.errors === 0);
  const capacity = Object.fromEntries(
    ["on", "off"].map((cache) => [cache, round(Math.max(0, ...withinSla.filter((run) => run.cache === cache).map((run) => (run.ok / run.seconds) / cores)), 1)]),
  );
  const report = {
    when: new Date().toISOString(),
    engine: values["database-url"] ? "postgres" : "pglite",
    cacheBackend: values.redis ? "redis" : "memory",
    cap: values.cap ? cap : `${cap} (the default)`,
    cores,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadavg().map((value) => round(value, 2)),
    compression,
    runs,
    recoveries,
    mixes,
    capacityOkReqPerSecPerCoreAtP99Under1s: capacity,
  };
  console.table(runs);
  console.table(mixes);
  console.log(JSON.stringify({ compression, recoveries, capacity: report.capacityOkReqPerSecPerCoreAtP99Under1s, load: [loadBefore, report.loadAverageAfter] }, null, 2));
  await mkdir("bench/results", { recursive: true });
  await writeFile(`bench/results/load-${report.engine}-${report.cacheBackend}.json`, `${JSON.stringify(report, null, 2)}\n`);
}

await main();
