import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const SOURCE_DIRS = ["app", "components", "inngest", "lib", "scripts", "tests", "bench", "e2e"];
const SKIP = new Set(["node_modules", ".next", ".data", "fixtures"]);

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;

const files = [...SOURCE_DIRS.flatMap((dir) => walk(path.join(ROOT, dir))), path.join(ROOT, "proxy.ts"), path.join(ROOT, "instrumentation.ts")].filter(existsSync);
const graph = new Map<string, string[]>(
  files.map((file) => {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(IMPORT)].map((match) => resolveImport(file, match[1] ?? match[2] ?? match[3] ?? "")).filter((target): target is string => target !== null);
    return [file, targets];
  }),
);
const rel = (file: string) => path.relative(ROOT, file);
const isTestSupport = (file: string) => /\.test\.tsx?$/.test(file) || rel(file).startsWith("tests/") || rel(file).startsWith("e2e/") || rel(file).startsWith("bench/");

describe("import graph", () => {
  it("lib/domain imports nothing, lib/db imports only lib/db, lib/domain, lib/env, lib/errors and the tracing and request-scope leaves", () => {
    const offenders: string[] = [];
    for (const [file, targets] of graph) {
      const from = rel(file);
      if (isTestSupport(file)) continue;
      for (const target of targets.map(rel)) {
        if (from.startsWith("lib/domain/")) offenders.push(`${from} → ${target}`);
        if (from.startsWith("lib/db/") && !/^lib\/(db\/|domain\/|env\.ts$|errors\.ts$|telemetry\/with-span\.ts$|http\/request-scope\.ts$)/.test(target)) offenders.push(`${from} → ${target}`);
        if (["lib/errors.ts", "lib/http/request-scope.ts"].includes(from)) offenders.push(`${from} → ${target}`);
        if (from.startsWith("lib/telemetry/") && !/^lib\/(telemetry\/|log\/|env\.ts$)/.test(target)) offenders.push(`${from} → ${target}`);
        if (from.startsWith("lib/log/") && !/^lib\/(log\/|env\.ts$)/.test(target)) offenders.push(`${from} → ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("production code never imports test support", () => {
    const offenders = [...graph]
      .filter(([file]) => !isTestSupport(file) && !rel(file).startsWith("scripts/"))
      .flatMap(([file, targets]) => targets.filter((target) => rel(target).startsWith("tests/")).map((target) => `${rel(file)} → ${rel(target)}`));
    expect(offenders).toEqual([]);
  });

  it("has no import cycle", () => {
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map(rel).join(" → "));
        return;
      }
      state.set(file, "visiting");
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
