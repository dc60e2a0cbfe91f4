import { pgErrorCode } from "./rows";

/** The last-admin trigger's refusal (raised with hint 'last_admin' in the migration). */
export function isLastAdminError(error: unknown): boolean {
  let current: unknown = error;
  while (current && typeof current === "object") {
    if ((current as { hint?: unknown }).hint === "last_admin") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export const isUniqueViolation = (error: unknown) => pgErrorCode(error) === "23505";
export const isRlsViolation = (error: unknown) => pgErrorCode(error) === "42501";
