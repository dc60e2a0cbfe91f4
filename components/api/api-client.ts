/** A problem+json answer from our API, readable as it stands ("The handle is already tracked."). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The envelope of every JSON answer under /api/v1 (docs/api.md). */
export interface ApiOne<T> {
  data: T;
  meta: Record<string, unknown>;
}
export interface ApiList<T> {
  data: T[];
  meta: { next_cursor: string | null } & Record<string, unknown>;
}

type Query = Record<string, string | number | undefined | null>;

interface CallOptions {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  query?: Query | URLSearchParams;
  signal?: AbortSignal;
}

function withQuery(url: string, query: CallOptions["query"]): string {
  if (!query) return url;
  const params = query instanceof URLSearchParams ? new URLSearchParams(query) : new URLSearchParams();
  if (!(query instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}${url.includes("?") ? "&" : "?"}${search}` : url;
}

/** Calls our JSON API from the browser; JSON bodies or FormData uploads; errors become ApiError. */
export async function callApi<T = unknown>(url: string, init: CallOptions): Promise<T> {
  const isForm = typeof FormData !== "undefined" && init.body instanceof FormData;
  const response = await fetch(withQuery(url, init.query), {
    method: init.method,
    headers: init.body === undefined || isForm ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : isForm ? (init.body as FormData) : JSON.stringify(init.body),
    signal: init.signal,
  });
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => ({}))) as { detail?: string; title?: string; code?: string };
  if (!response.ok) throw new ApiError(payload.detail ?? payload.title ?? `Request failed (${response.status}).`, response.status, payload.code);
  return payload as T;
}

/** The workspace API's paths in one place, so components name a resource, not a URL. */
export const api = {
  workspace: (slug: string) => `/api/v1/workspaces/${encodeURIComponent(slug)}`,
  get: <T,>(url: string, query?: CallOptions["query"], signal?: AbortSignal) => callApi<T>(url, { method: "GET", query, signal }),
  post: <T,>(url: string, body?: unknown) => callApi<T>(url, { method: "POST", body }),
  patch: <T,>(url: string, body?: unknown) => callApi<T>(url, { method: "PATCH", body }),
  delete: <T,>(url: string) => callApi<T>(url, { method: "DELETE" }),
};
