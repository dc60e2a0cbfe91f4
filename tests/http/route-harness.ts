import "./next-runtime";
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { AfterContext } from "next/dist/server/after/after-context";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import type { WorkStore } from "next/dist/server/app-render/work-async-storage.external";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store";
import { env } from "@/lib/env";

export const ORIGIN = "http://reach.test";
// The cookie next-auth reads over http (no __Secure- prefix: NEXTAUTH_URL is unset in tests).
const SESSION_COOKIE = "next-auth.session-token";

/**
 * A real session cookie: a next-auth JWT signed with the configured secret, as sign-in would set,
 * naming a fresh session at the given session version (0 until one is bumped).
 */
export async function sessionCookie(user: { id: string; email: string }, version = 0): Promise<string> {
  const token = await encode({ token: { sub: user.id, email: user.email, sid: randomUUID(), sv: version }, secret: env.authSecret });
  return `${SESSION_COOKIE}=${token}`;
}

export interface RouteCall {
  method?: string;
  cookie?: string;
  /** JSON body, or a ready body (FormData, string) with its own content type. */
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Aborted as Next aborts request.signal when the client has gone away. */
  signal?: AbortSignal;
}

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Calls a route handler with a real NextRequest inside the request scope Next sets up for a route
 * (headers(), cookies() and after() work as in the server). Mutations come from our own origin.
 * after() callbacks are collected, not run: a test checks what the handler wrote, not what it dispatched.
 */
export async function callRoute(handler: Handler, path: string, params: Record<string, string>, call: RouteCall = {}): Promise<Response> {
  const method = call.method ?? "GET";
  const headers = new Headers(call.headers);
  const url = new URL(path, ORIGIN);
  if (!headers.has("host")) headers.set("host", url.host);
  if (call.cookie) headers.set("cookie", call.cookie);
  if (method !== "GET" && !headers.has("origin")) headers.set("origin", ORIGIN);
  let body = call.body;
  if (call.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(call.json);
  }
  const request = new NextRequest(url, { method, headers, body, signal: call.signal });
  const requestStore = createRequestStoreForAPI(request, { pathname: url.pathname, search: url.search }, { tags: [], expirationsByCacheKind: new Map() } as never, undefined, undefined, undefined);
  const workStore = {
    page: path,
    route: path,
    forceStatic: false,
    dynamicShouldError: false,
    isStaticGeneration: false,
    afterContext: new AfterContext({ waitUntil: () => {}, onClose: () => {}, onTaskError: undefined }),
  } as unknown as WorkStore;
  return workAsyncStorage.run(workStore, () =>
    workUnitAsyncStorage.run(requestStore, () => handler(request, { params: Promise.resolve(params) })),
  );
}

export async function problemOf(response: Response): Promise<{ status: number; code: string; type: string | null }> {
  const body = (await response.json()) as { code: string };
  return { status: response.status, code: body.code, type: response.headers.get("content-type") };
}
