import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import type { Db } from "@/lib/db/client";
import { userTotp } from "@/lib/db/session-tables";
import { AppError } from "@/lib/errors";
import { newTotpSecret, otpauthUri, sealSecret } from "./totp";

export interface TwoFactorEnrolment {
  secret: string;
  uri: string;
  /** The URI as an SVG QR code, rendered here (no network) as a data URL. */
  qrCode: string;
}

/**
 * A new secret, stored encrypted and not yet enabled; the caller shows it once. Starting again
 * replaces a pending secret; an enabled one must be turned off first.
 */
export async function startTwoFactorEnrolment(db: Db, input: { userId: string; email: string }): Promise<TwoFactorEnrolment> {
  const secret = newTotpSecret();
  const sealed = sealSecret(secret, input.userId);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ enabledAt: userTotp.enabledAt }).from(userTotp).where(eq(userTotp.userId, input.userId)).for("update");
    if (existing?.enabledAt) throw new AppError("conflict", "Two-factor sign-in is already on; turn it off first to enrol a new device.");
    await tx
      .insert(userTotp)
      .values({ userId: input.userId, secretCiphertext: sealed })
      .onConflictDoUpdate({ target: userTotp.userId, set: { secretCiphertext: sealed, enabledAt: null, lastUsedStep: null, updatedAt: new Date() } });
  });
  const uri = otpauthUri(secret, input.email);
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
