import { z } from "zod";
import { defineOperation } from "../operation";
import { iso } from "./common";

const code = z.object({ code: z.string().trim().min(1).max(40) });

export const deleteMe = defineOperation({
  id: "deleteMe",
  method: "DELETE",
  path: "/me",
  tag: "Your account",
  summary: "Delete your own account; the body repeats your email and, with a password, the password",
  role: null,
  body: z.object({ confirmEmail: z.string(), password: z.string().max(200).optional() }),
  errors: ["rate_limited"],
  examples: { body: { confirmEmail: "ada@example.com", password: "…" } },
});

export const exportMe = defineOperation({
  id: "exportMe",
  method: "GET",
  path: "/me/export",
  tag: "Your account",
  summary: "Everything stored about you, as a JSON download",
  role: null,
  produces: "application/json",
  examples: {},
});

export const getTwoFactor = defineOperation({
  id: "getTwoFactor",
  method: "GET",
  path: "/me/two-factor",
  tag: "Your account",
  summary: "Whether your second factor is on, and how many recovery codes are left",
  role: null,
  data: z.object({ enabled: z.boolean(), enabledAt: iso.nullable(), recoveryCodesLeft: z.number().int() }),
  examples: { response: { data: { enabled: true, enabledAt: "2026-11-20T10:00:00.000Z", recoveryCodesLeft: 9 }, meta: {} } },
});

export const startTwoFactor = defineOperation({
  id: "startTwoFactor",
  method: "POST",
  path: "/me/two-factor",
  tag: "Your account",
  summary: "A new second-factor secret, shown once; not on until confirmed",
  role: null,
  data: z.object({ secret: z.string(), uri: z.string(), qrCode: z.string() }),
  errors: ["forbidden", "rate_limited"],
  // The RFC 4226 test key, never a real one; the QR code is cut short.
  examples: {
    response: {
      data: {
        secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
        uri: "otpauth://totp/Reach:ada%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Reach&algorithm=SHA1&digits=6&period=30",
        qrCode: "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPi4uLjwvc3ZnPg==",
      },
      meta: {},
    },
  },
});

export const disableTwoFactor = defineOperation({
  id: "disableTwoFactor",
  method: "DELETE",
  path: "/me/two-factor",
  tag: "Your account",
  summary: "Turn the second factor off with a current code or the password; every session ends",
  role: null,
  body: z.union([code, z.object({ password: z.string().min(1).max(200) })]),
  errors: ["conflict", "rate_limited"],
  examples: { body: { code: "123456" } },
});

export const confirmTwoFactor = defineOperation({
  id: "confirmTwoFactor",
  method: "POST",
  path: "/me/two-factor/confirm",
  tag: "Your account",
  summary: "Confirm the second factor with a code from the device; answers the ten recovery codes, shown once",
  role: null,
  body: code,
  data: z.object({ recoveryCodes: z.array(z.string()) }),
  errors: ["rate_limited", "conflict"],
  examples: { body: { code: "123456" }, response: { data: { recoveryCodes: ["k3v9-2x7q", "…"] }, meta: {} } },
});
