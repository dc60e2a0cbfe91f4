import { randomUUID } from "node:crypto";
import { trace } from "@opentelemetry/api";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { Page } from "@/lib/api/cursor";
import type { Operation } from "@/lib/api/operation";
import { hasRole } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import { withUserDb, type UserClaims } from "@/lib/db/rls";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { getRateLimiters } from "@/lib/rate-limit/process-rate-limiters";
import type { RateLimitState } from "@/lib/rate-limit/rate-limiters";
import { getWorkspace } from "@/lib/services/workspaces/get-workspace";
import type { MyWorkspace } from "@/lib/services/workspaces/list-my-workspaces";
import { withSpan } from "@/lib/telemetry/with-span";
import { entityTag, matchesEtag, rateLimitHeaders } from "./api-headers";
import { authenticate, type Principal } from "./authenticate";
import { assertSameOrigin } from "./origin-check";
import { problem, toProblem } from "./problem";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// Nginx's "client closed request": nobody reads it, but spans and logs say why the work stopped.
const CLIENT_GONE = 499;
const MAX_JSON_BYTES = 64 * 1024;
// A load balancer's own id is kept when it looks like one (as proxy.ts does), else one is made.
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

type Infer<S> = [S] extends [z.ZodType] ? z.output<S> : undefined;
type BodyOf<Op extends Operation> = Infer<NonNullable<Op["body"]>>;
type QueryOf<Op extends Operation> = Infer<NonNullable<Op["query"]>>;
type ParamsOf<Op extends Operation> = Omit<Infer<NonNullable<Op["params"]>>, "workspace">;

export interface RouteContext<Op extends Operation, Upload, Prepared> {
  request: NextRequest;
  claims: UserClaims;
  principal: Principal;
  /** The user to record as the actor; null when an API token acts (its id is in the audit entry). */
  actorId: string | null;
  workspace: MyWorkspace;
  tx: Tx;
  body: BodyOf<Op>;
  params: ParamsOf<Op>;
  query: QueryOf<Op>;
  upload: Upload;
  prepared: Prepared;
}

/** A JSON answer: `{ data, meta }` (meta defaults to {}); for a list, `listResult(page)`. */
export interface Result {
  data: unknown;
  meta?: Record<string, unknown>;
}

export const listResult = <T,>(page: Page<T>, meta: Record<string, unknown> = {}): Result => ({ data: page.items, meta: { next_cursor: page.nextCursor, ...meta } });

interface RouteOptions<Op extends Operation, Upload, Prepared> {
  operation: Op;
  /** Reads a non-JSON body (an upload) after the role check and before the transaction opens. */
  upload?: (request: NextRequest) => Promise<Upload>;
  /** Slow outside work (a call to Google) after the role and input checks, with no transaction open. */
  prepare?: (input: { body: BodyOf<Op>; params: ParamsOf<Op>; workspace: MyWorkspace }) => Promise<Prepared>;
}

async function readJson(request: NextRequest): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) throw new AppError("payload_too_large", "The request body is too large.");
  try {
    return text === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
}

export function requestIdOf(request: Request): string {
  const incoming = request.headers.get("x-request-id");
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Outside production the answer is checked against the operation's schema as it goes on the wire
 * (after JSON), so a handler cannot drift from the contract the document publishes.
 */
function checkContract(operation: Operation, text: string): void {
  if (env.NODE_ENV === "production" || !operation.response) return;
  const checked = operation.response.safeParse(JSON.parse(text));
  if (!checked.success) throw new Error(`${operation.id} answered outside its schema: ${JSON.stringify(checked.error.issues.slice(0, 5))}`);
}

/**
 * A workspace-scoped route handler from its operation: who is calling (401; a session or an API
 * token), same-origin for a session's mutations (403), rate limit (429), which workspace (404 unless
 * a member), which role (403), which input (400); the handler runs in one RLS transaction; the answer
 * is `{ data, meta }` with RateLimit-*, X-Request-Id and, on GET, an ETag; errors are problem+json.
 */
export function workspaceRoute<Op extends Operation, Upload = undefined, Prepared = undefined>(
  options: RouteOptions<Op, Upload, Prepared>,
  handler: (context: RouteContext<Op, Upload, Prepared>) => Promise<Result | Response | void>,
) {
  const { operation } = options;
  return (request: NextRequest, context: { params: Promise<Record<string, string>> }) =>
    withSpan("workspace-route", { "http.request.method": request.method, "url.path": request.nextUrl.pathname }, async (span) => {
      const requestId = requestIdOf(request);
      const response = await handle(request, context, requestId);
      response.headers.set("X-Request-Id", requestId);
      logger.info({ requestId, operation: operation.id, status: response.status }, "api request");
      span.setAttribute("http.response.status_code", response.status);
      return response;
    });

  async function handle(request: NextRequest, { params }: { params: Promise<Record<string, string>> }, requestId: string): Promise<Response> {
    let limit: RateLimitState | null = null;
    try {
      // Next aborts request.signal when the client disconnects: work not started for it is skipped.
      const gone = () => request.signal.aborted;
      if (gone()) return new NextResponse(null, { status: CLIENT_GONE });
      const principal = await authenticate(request);
      const { claims } = principal;
      const mutating = !SAFE_METHODS.has(request.method);
      if (mutating && principal.caller.kind === "user") assertSameOrigin(request, env.appUrl);
      limit = await (await getRateLimiters()).apiCall(principal.caller, mutating || principal.caller.kind === "token");
      if (limit && !limit.allowed) return problem("rate_limited", undefined, undefined, rateLimitHeaders(limit));
      const role = operation.role ?? "admin";
      const { workspace: slug = "", ...rest } = await params;
      trace.getActiveSpan()?.setAttribute("reach.workspace", slug);
      // Membership and role come before input: a viewer gets 403 whatever it sends. Bodies are read
      // between the two transactions, so a slow upload never holds one open (PGlite has one connection).
      const workspace = await withUserDb(claims, (tx) => getWorkspace(tx, slug));
      if (!hasRole(workspace.role, role)) throw new AppError("forbidden");
      const parsedParams = (operation.params ? operation.params.omit({ workspace: true }).parse(rest) : undefined) as ParamsOf<Op>;
      const query = (operation.query ? operation.query.parse(Object.fromEntries(request.nextUrl.searchParams)) : undefined) as QueryOf<Op>;
      const body = (operation.body ? operation.body.parse(await readJson(request)) : undefined) as BodyOf<Op>;
      const upload = (options.upload ? await options.upload(request) : undefined) as Upload;
      if (gone()) return new NextResponse(null, { status: CLIENT_GONE });
      const prepared = (options.prepare ? await options.prepare({ body, params: parsedParams, workspace }) : undefined) as Prepared;
      if (gone()) return new NextResponse(null, { status: CLIENT_GONE });
      const result = await withUserDb(claims, (tx) =>
        handler({ request, claims, principal, actorId: principal.actorId, workspace, tx, body, params: parsedParams, query, upload, prepared }),
      );
      const headers = new Headers(rateLimitHeaders(limit));
      if (result instanceof Response) {
        for (const [name, value] of headers) result.headers.set(name, value);
        return result;
      }
      if (result === undefined) return new NextResponse(null, { status: 204, headers });
      const text = JSON.stringify({ data: result.data, meta: result.meta ?? {} });
      checkContract(operation, text);
      headers.set("content-type", "application/json");
      if (request.method === "GET") {
        const etag = entityTag(text);
        headers.set("ETag", etag);
        headers.set("Cache-Control", "private, no-cache");
        if (matchesEtag(request.headers.get("if-none-match"), etag)) return new NextResponse(null, { status: 304, headers });
      }
      return new NextResponse(text, { status: operation.status, headers });
    } catch (error) {
      const answer = toProblem(error, { requestId });
      for (const [name, value] of Object.entries(rateLimitHeaders(limit))) answer.headers.set(name, value);
      return answer;
    }
  }
}
