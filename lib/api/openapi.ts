import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";
import { problemExample, problemSchema } from "./envelope";
import type { Operation } from "./operation";
import { OPERATIONS } from "./registry";

type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, JsonSchema>> };

export const API_VERSION = "1.0.0";

/**
 * zod 4's JSON Schema (2020-12, OpenAPI 3.1's dialect) with every schema that carries a meta id
 * moved to components.schemas, so the document names AccountRow once and refers to it.
 */
function schemaOf(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  const { $defs, $schema: _dialect, ...rest } = json as JsonSchema & { $defs?: Record<string, JsonSchema>; $schema?: string };
  for (const [id, definition] of Object.entries($defs ?? {})) components[id] = rewriteRefs(definition) as JsonSchema;
  return rewriteRefs(rest) as JsonSchema;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === "$ref" && typeof inner === "string" ? [key, inner.replace(/^#\/\$defs\//, "#/components/schemas/")] : [key, rewriteRefs(inner)],
    ),
  );
}

function parametersOf(operation: Operation, components: Record<string, JsonSchema>): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [["path", operation.params], ["query", operation.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, "input", components) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      const example = where === "query" ? operation.examples.query?.[name] : undefined;
      list.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        schema: rest,
        ...(description ? { description } : {}),
        ...(example !== undefined ? { example } : {}),
      });
    }
  }
  return list;
}

const RATE_HEADERS = {
  "RateLimit-Limit": { description: "Requests allowed in the window.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in the window.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" } },
  "X-Request-Id": { description: "The request's id (yours when you sent a valid X-Request-Id), as logged.", schema: { type: "string" } },
};

function errorResponses(codes: ErrorCode[]): Record<string, JsonSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_CODES[code].status, [...(byStatus.get(ERROR_CODES[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      {
        description: list.map((code) => `\`${code}\`: ${ERROR_CODES[code].message}`).join(" "),
        headers: status === 429 ? { ...RATE_HEADERS, "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } } } : RATE_HEADERS,
        content: {
          "application/problem+json": {
            schema: { $ref: "#/components/schemas/Problem" },
            examples: Object.fromEntries(list.map((code) => [code, { value: problemExample(code) }])),
          },
        },
      },
    ]),
  );
}

function successResponse(operation: Operation, components: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const status = String(operation.status);
  if (operation.produces) {
    const types = [operation.produces].flat();
    const content = Object.fromEntries(types.map((type) => [type, { schema: { type: "string", format: "binary" } }]));
    return { [status]: { description: `The ${types.join(" or ")} content.`, headers: RATE_HEADERS, content } };
  }
  if (!operation.response) return { [status]: { description: "Done; no content.", headers: RATE_HEADERS } };
  const media: JsonSchema = { schema: schemaOf(operation.response, "output", components) };
  if (operation.examples.response !== undefined) media.example = operation.examples.response;
  const success = { [status]: { description: operation.list ? "A page of the list; meta.next_cursor fetches the next one." : "The answer.", headers: { ...RATE_HEADERS, ...(operation.method === "GET" ? { ETag: { description: "Send it back as If-None-Match for a 304.", schema: { type: "string" } } } : {}) }, content: { "application/json": media } } };
  return operation.method === "GET" ? { ...success, "304": { description: "Not modified: the If-None-Match tag still matches." } } : success;
}

function operationObject(operation: Operation, components: Record<string, JsonSchema>): JsonSchema {
  const object: JsonSchema = {
    operationId: operation.id,
    summary: operation.summary,
    tags: [operation.tag],
    description: [
      operation.description,
      operation.role ? `Least role: **${operation.role}**.${operation.tokens ? "" : " Not open to API tokens (they are viewers or editors)."}` : "Your own account: a browser session only.",
    ]
      .filter(Boolean)
      .join("\n\n"),
    security: operation.tokens ? [{ bearerToken: [] }, { sessionCookie: [] }] : [{ sessionCookie: [] }],
    parameters: parametersOf(operation, components),
    responses: { ...successResponse(operation, components), ...errorResponses(operation.errors) },
  };
  if (operation.body) {
    const media: JsonSchema = { schema: schemaOf(operation.body, "input", components) };
    if (operation.examples.body !== undefined) media.example = operation.examples.body;
    object.requestBody = { required: true, content: { "application/json": media } };
  }
  if (operation.upload) object.requestBody = { required: true, content: { "multipart/form-data": { schema: schemaOf(operation.upload, "input", components) } } };
  return object;
}

/** The OpenAPI 3.1 document of API v1, built from the operations' own schemas. */
export function buildOpenApiDocument(operations: Operation[] = OPERATIONS): OpenApiDocument {
  const components: Record<string, JsonSchema> = {};
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method.toLowerCase()] = operationObject(operation, components);
  }
  schemaOf(z.object({ problem: problemSchema }), "output", components);
  return {
    openapi: "3.1.0",
    info: {
      title: "Reach API",
      version: API_VERSION,
      description:
        "Reach's public API: accounts, snapshots, posts and runs of a workspace. Every JSON answer is `{ data, meta }`; lists page with `?cursor=&limit=` and `meta.next_cursor`; errors are application/problem+json with a stable `code`. Guide: docs/api.md.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", bearerFormat: "reach_<id>_<secret>", description: "An API token from Settings → API tokens or `npm run tokens:create`." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session (same-origin requests only; `__Secure-` prefixed over https)." },
      },
    },
  };
}
