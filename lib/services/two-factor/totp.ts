import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import { env } from "@/lib/env";

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps, ±1 step accepted. */
export const TOTP_SETTINGS = { algorithm: "sha1", digits: 6, period: 30 } as const;
const TOLERANCE_SECONDS = TOTP_SETTINGS.period;
const ISSUER = "Reach";
export const RECOVERY_CODE_COUNT = 10;

const SEAL_VERSION = "v1";
let cachedKey: { secret: string; key: Buffer } | undefined;

// A key of its own, derived from NEXTAUTH_SECRET, so the session-signing key is never used to encrypt.
function sealingKey(): Buffer {
  if (cachedKey?.secret !== env.authSecret) {
    const key = Buffer.from(hkdfSync("sha256", env.authSecret, "reach", "totp-secret-encryption-v1", 32));
    cachedKey = { secret: env.authSecret, key };
  }
  return cachedKey.key;
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url; the user id is bound as associated data. */
export function sealSecret(secret: string, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  cipher.setAAD(Buffer.from(userId));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [SEAL_VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function openSecret(sealed: string, userId: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== SEAL_VERSION || !iv || !tag || !ciphertext) throw new Error("Unreadable two-factor secret");
  const decipher = createDecipheriv("aes-256-gcm", sealingKey(), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** 160 random bits, base32, as RFC 4226 recommends. */
export const newTotpSecret = (): string => generateSecret({ length: 20 });

export const otpauthUri = (secret: string, email: string): string =>
  generateURI({ issuer: ISSUER, label: email, secret, ...TOTP_SETTINGS });

export const looksLikeTotp = (code: string): boolean => /^\d{6}$/.test(code);

/** Strips what people type around a code: spaces, dashes, case. */
export const normalizeCode = (code: string): string => code.replace(/[\s-]/g, "").toLowerCase();

/**
 * The time step a 6-digit code matches within ±1 step of now, or null. Steps at or before
 * `afterStep` (the last one accepted) never match again, so a seen code cannot be replayed.
 */
export async function matchTotp(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  if (!looksLikeTotp(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      ...TOTP_SETTINGS,
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    // otplib throws when the last accepted step lies beyond this window (a clock moved back).
    return null;
  }
}

/** Ten codes of 48 random bits each, shown once as `xxxx-xxxx-xxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => randomBytes(6).toString("hex").replace(/(.{4})(?=.)/g, "$1-"));
}

export const hashRecoveryCode = (code: string): string => createHash("sha256").update(normalizeCode(code)).digest("hex");
