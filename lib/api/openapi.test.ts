import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { OPERATIONS } from "./registry";

const API_DIR = path.join(process.cwd(), "app", "api", "v1");
// The document describes the API; it is not an operation of it.
const NOT_OPERATIONS = new Set(["/openapi.json"]);

async function routeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? routeFiles(path.join(dir, entry.name)) : Promise.resolve(entry.name === "route.ts" ? [path.join(dir, entry.name)] : []))));
  return nested.flat();
}

/** "GET /workspaces/{workspace}/accounts" for every handler a route file exports. */
async function routeOperations(): Promise<string[]> {
  const found: string[] = [];
  for (const file of await routeFiles(API_DIR)) {
    const route = path.relative(API_DIR, path.dirname(file)).split(path.sep).map((part) => part.replace(/^\[(.+)\]$/, "{$1}"));
    const apiPath = `/${route.join("/")}`;
    if (NOT_OPERATIONS.has(apiPath)) continue;
    const source = await readFile(file, "utf8");
    for (const match of source.matchAll(/export (?:const|async function|function) (GET|POST|PATCH|PUT|DELETE)\b/g)) found.push(`${match[1]} ${apiPath}`);
  }
  return found.sort();
}

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("validates as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists exactly the operations the route files export, and the other way round", async () => {
    const documented = Object.entries(document.paths).flatMap(([apiPath, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${apiPath}`));
    expect(documented.sort()).toEqual(await routeOperations());
  });

  it("publishes only examples its own schemas accept", () => {
    for (const operation of OPERATIONS) {
      if (operation.examples.response !== undefined) expect(operation.response?.safeParse(operation.examples.response).error?.issues, operation.id).toBeUndefined();
      if (operation.examples.body !== undefined) expect(operation.body?.safeParse(operation.examples.body).error?.issues, operation.id).toBeUndefined();
      if (operation.examples.query !== undefined) expect(operation.query?.safeParse(operation.examples.query).error?.issues, operation.id).toBeUndefined();
    }
  });

  it("publishes a response example for every operation that answers JSON", () => {
    const missing = OPERATIONS.filter((operation) => operation.response !== undefined && operation.examples.response === undefined).map((operation) => `${operation.method} ${operation.path}`);
    expect(missing).toEqual([]);
  });

  it("gives every operation a summary, a security requirement, an example and its error codes", () => {
    expect(new Set(OPERATIONS.map((operation) => operation.id)).size).toBe(OPERATIONS.length);
    for (const [apiPath, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods) as [string, Record<string, unknown>][]) {
        const name = `${method} ${apiPath}`;
        expect(operation.summary, name).toEqual(expect.any(String));
        expect((operation.security as unknown[]).length, name).toBeGreaterThan(0);
        const responses = operation.responses as Record<string, { content?: Record<string, { example?: unknown; examples?: Record<string, unknown> }> }>;
        const errors = Object.keys(responses).filter((status) => Number(status) >= 400);
        expect(errors, name).toContain("401");
        for (const status of errors) expect(Object.keys(responses[status]?.content?.["application/problem+json"]?.examples ?? {}).length, `${name} ${status}`).toBeGreaterThan(0);
        const body = (operation.requestBody as { content: Record<string, { example?: unknown }> } | undefined)?.content["application/json"];
        if (body) expect(body.example, `${name} request example`).toBeDefined();
      }
    }
  });
});
