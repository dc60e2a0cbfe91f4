import { trace } from "@opentelemetry/api";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { hasRole } from "@/lib/auth/roles";
import { requireApiClaims } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { withUserDb, type UserClaims } from "@/lib/db/rls";
import type { Role } from "@/lib/domain/roles";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getRateLimiters } from "@/lib/rate-limit/process-rate-limiters";
import { getWorkspace } from "@/lib/services/workspaces/get-workspace";
import type { MyWorkspace } from "@/lib/services/workspaces/list-my-workspaces";
import { assertSameOrigin } from "./origin-check";
import { problem, toProblem } from "./problem";
import { withSpan } from "@/lib/telemetry/with-span";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// Nginx's "client closed request": nobody reads it, but spans and logs say why the work stopped.
const CLIENT_GONE = 499;
const MAX_JSON_BYTES = 64 * 1024;

export interface RouteContext<Body, Params, Upload, Prepared = undefined> {
  request: NextRequest;
  claims: UserClaims;
  workspace: MyWorkspace;
  tx: Tx;
  body: Body;
  params: Params;
  upload: Upload;
  prepared: Prepared;
}

interface RouteOptions<BodySchema extends z.ZodType | undefined, ParamsSchema extends z.ZodType | undefined, Upload, Prepared> {
  /** The least role that may call this route; RLS enforces the same underneath. */
  role: Role;
  body?: BodySchema;
  params?: ParamsSchema;
  /** Reads a non-JSON body (an upload) after the role check and before the transaction opens. */
  upload?: (request: NextRequest) => Promise<Upload>;
  /** Slow outside work (a call to Google) after the role and input checks, with no transaction open. */
  prepare?: (input: { body: Infer<BodySchema>; params: Infer<ParamsSchema>; workspace: MyWorkspace }) => Promise<Prepared>;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

async function readJson(request: NextRequest): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) throw new AppError("payload_too_large", "The request body is too large.");
  try {
    return text === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
}

/**
 * A workspace-scoped route handler in one line: who is calling (401), same-origin and rate limit
 * for mutations (403, 429), which workspace (404 unless a member), which role (403), which input
 * (400); the handler runs in one RLS transaction; errors become application/problem+json.
 */
export function workspaceRoute<
  BodySchema extends z.ZodType | undefined = undefined,
  ParamsSchema extends z.ZodType | undefined = undefined,
  Upload = undefined,
  Prepared = undefined,
>(
  options: RouteOptions<BodySchema, ParamsSchema, Upload, Prepared>,
  handler: (context: RouteContext<Infer<BodySchema>, Infer<ParamsSchema>, Upload, Prepared>) => Promise<unknown>,
) {
  return (request: NextRequest, context: { params: Promise<Record<string, string>> }) =>
    withSpan("workspace-route", { "http.request.method": request.method, "url.path": request.nextUrl.pathname }, async (span) => {
      const response = await handle(request, context);
      span.setAttribute("http.response.status_code", response.status);
      return response;
    });

  async function handle(request: NextRequest, { params }: { params: Promise<Record<string, string>> }): Promise<Response> {
    try {
      // Next aborts request.signal when the client disconnects: work not started for it is skipped.
      const gone = () => request.signal.aborted;
      if (gone()) return new NextResponse(null, { status: CLIENT_GONE });
      const claims = await requireApiClaims();
      const mutating = !SAFE_METHODS.has(request.method);
      if (mutating) {
        assertSameOrigin(request, env.appUrl);
        const limit = await (await getRateLimiters()).consumeApi(claims.sub);
        if (!limit.allowed) {
          return problem("rate_limited", undefined, undefined, { "Retry-After": String(limit.retryAfterSeconds) });
        }
      }
      const { workspace: slug = "", ...rest } = await params;
      trace.getActiveSpan()?.setAttribute("reach.workspace", slug);
      // Membership and role come before input: a viewer gets 403 whatever it sends. Bodies are read
      // between the two transactions, so a slow upload never holds one open (PGlite has one connection).
      const workspace = await withUserDb(claims, (tx) => getWorkspace(tx, slug));
      if (!hasRole(workspace.role, options.role)) throw new AppError("forbidden");
      const parsedParams = (options.params ? options.params.parse(rest) : undefined) as Infer<ParamsSchema>;
      const body = (options.body ? options.body.parse(await readJson(request)) : undefined) as Infer<BodySchema>;
      const upload = (options.upload ? await options.upload(request) : undefined) as Upload;
      if (gone()) return new NextResponse(null, { status: CLIENT_GONE });
      const prepared = (options.prepare ? await options.prepare({ body, params: parsedParams, workspace }) : undefined) as Prepared;
      if (gone()) return new NextResponse(null, { status: CLIENT_GONE });
      const result = await withUserDb(claims, (tx) => handler({ request, claims, workspace, tx, body, params: parsedParams, upload, prepared }));
      if (result instanceof Response) return result;
      return result === undefined ? new NextResponse(null, { status: 204 }) : NextResponse.json(result);
    } catch (error) {
      return toProblem(error, { requestId: request.headers.get("x-request-id") });
    }
  }
}
