import { randomBytes } from "node:crypto";
import { openSecret, sealSecret } from "@/lib/services/two-factor/totp";

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64, as the reference libraries read it. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString("base64")}`;

// Bound to the endpoint as associated data, so a sealed secret copied onto another endpoint does not open.
export const sealWebhookSecret = (secret: string, endpointId: string): string => sealSecret(secret, `endpoint:${endpointId}`);
export const openWebhookSecret = (sealed: string, endpointId: string): string => openSecret(sealed, `endpoint:${endpointId}`);
