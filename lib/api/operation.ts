import type { z } from "zod";
import { hasRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/domain/roles";
import type { ErrorCode } from "@/lib/errors";
import { envelope, listEnvelope } from "./envelope";

export type Method = "GET" | "POST" | "PATCH" | "DELETE";
type Shape = z.ZodRawShape;

interface OperationInput<P, Q, B, D> {
  /** operationId in the document, and the generated client's name for it. */
  id: string;
  method: Method;
  /** OpenAPI style, under /api/v1: `/workspaces/{workspace}/accounts`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** The least workspace role; null for the caller's own routes (/me), which take a session only. */
  role: Role | null;
  params?: P;
  query?: Q;
  body?: B;
  /** A multipart upload's fields, for the document (read by the route's own `upload` reader). */
  upload?: z.ZodObject;
  /** The `data` of a JSON answer; absent for 204 and for non-JSON answers (`produces`). */
  data?: D;
  list?: boolean;
  /** Further members of `meta` besides next_cursor. */
  meta?: Shape;
  status?: 200 | 201 | 202 | 204;
  /** A non-JSON answer: CSV, ZIP, an image. */
  produces?: string | readonly string[];
  /** Errors besides the ones every operation of its kind can answer (see defaultErrors). */
  errors?: ErrorCode[];
  examples: { body?: unknown; query?: Record<string, string>; response?: unknown };
}

export interface Operation<P = z.ZodObject | undefined, Q = z.ZodType | undefined, B = z.ZodType | undefined, D = z.ZodType | undefined>
  extends OperationInput<P, Q, B, D> {
  status: 200 | 201 | 202 | 204;
  /** The full JSON answer, envelope included; undefined for 204 and non-JSON answers. */
  response: z.ZodType | undefined;
  errors: ErrorCode[];
  /** Whether an API token (viewer or editor) can ever be allowed to call it. */
  tokens: boolean;
}

function defaultErrors(input: OperationInput<unknown, unknown, unknown, unknown>): ErrorCode[] {
  const codes: ErrorCode[] = ["unauthenticated"];
  if (input.role) codes.push("not_found");
  if (input.method !== "GET" || (input.role && !hasRole("viewer", input.role))) codes.push("forbidden");
  if (input.params || input.query || input.body || input.upload) codes.push("invalid_input");
  if (input.method !== "GET" || input.role) codes.push("rate_limited");
  return codes;
}

/** One route's contract: its inputs, its answer and its errors, from which the route parses and the document is written. */
export function defineOperation<P extends z.ZodObject | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined, D extends z.ZodType | undefined = undefined>(
  input: OperationInput<P, Q, B, D>,
): Operation<P, Q, B, D> {
  const status = input.status ?? (input.data || input.produces ? 200 : 204);
  const response = input.data ? (input.list ? listEnvelope(input.data, input.meta) : envelope(input.data, input.meta)) : undefined;
  const errors = [...new Set([...defaultErrors(input), ...(input.errors ?? [])])];
  const tokens = input.role !== null && input.role !== "admin";
  return { ...input, status, response, errors, tokens };
}
