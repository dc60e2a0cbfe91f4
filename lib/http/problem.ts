import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { pgErrorCode } from "@/lib/db/rows";
import { AppError, ERROR_CODES, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/log/logger";

export function problem(code: ErrorCode, detail?: string, extra?: Record<string, unknown>, headers?: HeadersInit): NextResponse {
  const { status, message } = ERROR_CODES[code];
  return NextResponse.json(
    { type: `about:blank#${code}`, title: message, status, code, detail: detail ?? message, ...extra },
    { status, headers: { "content-type": "application/problem+json", ...headers } },
  );
}

/** Maps anything thrown in a route handler to problem+json; never leaks stack traces or SQL. */
export function toProblem(error: unknown, context: { requestId?: string | null } = {}): NextResponse {
  if (error instanceof AppError) return problem(error.code, error.message, error.details);
  // Text a user sent that Postgres cannot store or parse (a NUL byte, a malformed value, too long).
  if (["22021", "22P02", "22001"].includes(pgErrorCode(error) ?? "")) {
    return problem("invalid_input", "The request contains text that cannot be stored.");
  }
  // A reference to a row that does not exist for this caller, or a write the database refused: the
  // same answer whether the id belongs to another workspace or to nothing, and no detail.
  if (pgErrorCode(error) === "23503") return problem("invalid_input", "The request refers to something that does not exist.");
  if (pgErrorCode(error) === "42501") return problem("forbidden");
  // Two transactions on the same rows at once, one chosen to give way: nothing was written, and the
  // same request succeeds when sent again.
  if (["40P01", "40001"].includes(pgErrorCode(error) ?? "")) {
    return problem("unavailable", "Another change to the same data was being saved; send the request again.", undefined, { "retry-after": "1" });
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return problem("invalid_input", "The request is not valid.", { issues });
  }
  // The driver's own error, not Drizzle's wrapper, whose message lists the query's parameters.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  logger.error({ requestId: context.requestId ?? undefined, err: cause }, "unhandled route error");
  return problem("internal");
}
