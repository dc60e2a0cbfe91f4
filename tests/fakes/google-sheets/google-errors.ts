/** Google's error bodies, as the Sheets API and the OAuth token endpoint send them. */
export function apiError(code: number, status: string, message: string) {
  return { error: { code, message, status } };
}

export const NOT_FOUND = apiError(404, "NOT_FOUND", "Requested entity was not found.");
export const PERMISSION_DENIED = apiError(403, "PERMISSION_DENIED", "The caller does not have permission");
export const UNAUTHENTICATED = apiError(
  401,
  "UNAUTHENTICATED",
  "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
);

export function quotaExceeded(kind: "read" | "write") {
  const metric = kind === "read" ? "Read requests" : "Write requests";
  return {
    error: {
      code: 429,
      message: `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.`,
      status: "RESOURCE_EXHAUSTED",
      details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "RATE_LIMIT_EXCEEDED", domain: "googleapis.com" }],
    },
  };
}

export function invalidArgument(message: string) {
  return apiError(400, "INVALID_ARGUMENT", message);
}

export function invalidGrant(description: string) {
  return { error: "invalid_grant", error_description: description };
}
