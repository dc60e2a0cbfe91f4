import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const PASSWORD_MIN_CHARS = 12;
/** Cap on any password input (sign-in forms too), so hostile megabyte strings are refused before any work. */
export const PASSWORD_MAX_CHARS = 200;
/** bcrypt (ours and Supabase Auth's) ignores every byte past 72, so a longer password is not what it seems. */
export const PASSWORD_MAX_BYTES = 72;
const EMAIL_LOCAL_MIN_CHARS = 4;

export type PasswordProblem = "too_short" | "too_long" | "common" | "contains_email";
export type PasswordCheck = { ok: true } | { ok: false; code: PasswordProblem; message: string };

const MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN_CHARS} characters.`,
  too_long: `Use at most ${PASSWORD_MAX_BYTES} bytes (${PASSWORD_MAX_BYTES} plain letters and digits; accented letters and emoji count 2–4 each): longer passwords are cut short when stored.`,
  common: "This password is too common; choose one that is harder to guess.",
  contains_email: "The password must not contain your email address.",
};

// Built on first use: the list has about 49,000 entries (all lowercase) and most imports never check a password.
let commonPasswords: Set<string> | undefined;
function isCommon(lowered: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"]);
  if (commonPasswords.has(lowered)) return true;
  // A common password with digits or punctuation tacked on ("password2024!", "monkey123456") is
  // guessed just as early; stems under 4 characters are left alone so "abc" + random digits passes.
  const stem = lowered.replace(/[\d\s!?.@#$%^&*_-]+$/u, "");
  return stem.length >= 4 && stem !== lowered && commonPasswords.has(stem);
}

/** "Jane.Doe+reach@example.com" → "jane.doe": a "+tag" would let the bare local part slip through. */
function emailLocalPart(email: string): string {
  const local = email.split("@")[0] ?? "";
  return (local.split("+")[0] ?? "").trim().toLowerCase();
}

const refuse = (code: PasswordProblem): PasswordCheck => ({ ok: false, code, message: MESSAGES[code] });

/** The policy for a new password. Messages never echo the password. */
export function checkPassword(password: string, context: { email?: string } = {}): PasswordCheck {
  if (password.length > PASSWORD_MAX_CHARS) return refuse("too_long");
  if (Array.from(password).length < PASSWORD_MIN_CHARS) return refuse("too_short");
  if (new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES) return refuse("too_long");
  const lowered = password.toLowerCase();
  const local = context.email ? emailLocalPart(context.email) : "";
  if (local.length >= EMAIL_LOCAL_MIN_CHARS && lowered.includes(local)) return refuse("contains_email");
  if (isCommon(lowered)) return refuse("common");
  return { ok: true };
}

/** A zod schema for a new password; pass the account's email so the password cannot contain it. */
export function newPasswordSchemaFor(email?: string) {
  return z.string().superRefine((password, ctx) => {
    const result = checkPassword(password, { email });
    if (!result.ok) ctx.addIssue({ code: "custom", message: result.message, params: { code: result.code } });
  });
}

export const newPasswordSchema = newPasswordSchemaFor();
