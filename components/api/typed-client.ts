import createClient from "openapi-fetch";
import { ApiError } from "./api-client";
import type { paths } from "./v1-schema";

/** API v1 through openapi-fetch, typed by the generated v1-schema.d.ts (`npm run api:client`). */
export const apiV1 = createClient<paths>({ baseUrl: "/api/v1" });

interface Problem {
  detail?: string;
  title?: string;
  code?: string;
}

/** A typed call's answer, or its problem+json as the ApiError the rest of the UI shows. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || data === undefined) {
    const problem = (error ?? {}) as Problem;
    throw new ApiError(problem.detail ?? problem.title ?? `Request failed (${response.status}).`, response.status, problem.code);
  }
  return data;
}
