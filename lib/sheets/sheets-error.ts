import { AppError } from "@/lib/errors";

export interface SheetsErrorContext {
  spreadsheetId?: string;
  tab?: string;
  email: string;
}

interface GoogleErrorShape {
  status?: number;
  code?: string;
  response?: { status?: number; data?: unknown };
}

/** Google's own status and message from an API error body; the token endpoint answers OAuth's shape instead. */
function googleError(error: unknown): { status: number | undefined; reason: string | undefined; message: string | undefined } {
  const shaped = (error ?? {}) as GoogleErrorShape;
  const data = shaped.response?.data as { error?: { status?: string; message?: string } | string; error_description?: string } | undefined;
  const status = shaped.response?.status ?? shaped.status;
  if (typeof data?.error === "string") return { status, reason: data.error, message: data.error_description };
  return { status, reason: data?.error?.status, message: data?.error?.message?.slice(0, 300) };
}

export function isRateLimited(error: unknown): boolean {
  const { status, reason } = googleError(error);
  return status === 429 || reason === "RESOURCE_EXHAUSTED";
}

/** 5xx, 429 and network failures; everything else Google says is final. */
export function isRetryable(error: unknown): boolean {
  if (isRateLimited(error)) return true;
  const { status } = googleError(error);
  if (status !== undefined) return status >= 500;
  return typeof (error as GoogleErrorShape | null)?.code === "string" || error instanceof TypeError;
}

/**
 * Maps a googleapis or gtoken failure to the closed taxonomy. Built only from Google's status and
 * message: a gaxios error carries the request (bearer token, signed assertion) and must not travel.
 */
export function toSheetsError(error: unknown, context: SheetsErrorContext): AppError {
  if (error instanceof AppError) return error;
  const { status, reason, message } = googleError(error);
  const sheet = context.spreadsheetId ? `spreadsheet ${context.spreadsheetId}` : "the spreadsheet";
  if (reason === "invalid_grant" || reason === "invalid_client" || status === 401) {
    return new AppError("permission_denied", `Google refused the service account ${context.email}: ${message ?? reason ?? "unauthenticated"}. Check that its key is current and not revoked.`, { email: context.email });
  }
  if (status === 404) return new AppError("not_found", `Google found no ${sheet}. Check the URL or ID.`, { spreadsheetId: context.spreadsheetId });
  if (status === 403 && /has not been used|is disabled|SERVICE_DISABLED/i.test(message ?? "")) {
    return new AppError("not_configured", `The Google Sheets API is not enabled for the service account's project: ${message}`);
  }
  if (status === 403) {
    return new AppError(
      "permission_denied",
      `The service account ${context.email} cannot open ${sheet}. Share the sheet with ${context.email} (Editor, so results can be written back).`,
      { email: context.email, spreadsheetId: context.spreadsheetId },
    );
  }
  if (status === 400 && context.tab && /Unable to parse range/i.test(message ?? "")) {
    return new AppError("not_found", `The tab "${context.tab}" does not exist in ${sheet}.`, { tab: context.tab });
  }
  if (status === 400) return new AppError("invalid_input", `Google Sheets refused the request: ${message ?? "invalid argument"}`);
  if (isRateLimited(error)) return new AppError("rate_limited", "The Google Sheets quota is used up (429 RESOURCE_EXHAUSTED) after retrying; try again in a minute.");
  return new AppError("unavailable", `Google Sheets did not answer (${status ?? (error as GoogleErrorShape | null)?.code ?? "network error"}); try again shortly.`);
}
