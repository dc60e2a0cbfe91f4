import { z } from "zod";

/** The fields of a Google service-account JSON key that Reach uses; the rest is ignored. */
export const serviceAccountKeySchema = z.object({
  type: z.literal("service_account"),
  client_email: z.email(),
  private_key: z.string().regex(/-----BEGIN (RSA )?PRIVATE KEY-----/),
  private_key_id: z.string().optional(),
  project_id: z.string().optional(),
});

export type ServiceAccountKey = z.infer<typeof serviceAccountKeySchema>;

export type KeyParseResult = { ok: true; key: ServiceAccountKey } | { ok: false; problem: string };

// Messages describe the problem without echoing the input: JSON.parse's own message quotes the text.
export function parseServiceAccountKey(text: string): KeyParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: "is not JSON; expected a Google service-account key (a .json file with type \"service_account\")" };
  }
  const type = typeof raw === "object" && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (type !== "service_account") {
    const found = typeof type === "string" ? `a "${type.slice(0, 40)}" credential` : "not a credential file";
    return { ok: false, problem: `is ${found}, not a service-account key; create a JSON key for a service account (IAM → Service accounts → Keys)` };
  }
  const parsed = serviceAccountKeySchema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".")))].join(", ");
    return { ok: false, problem: `is a service-account key with missing or malformed fields: ${fields}` };
  }
  return { ok: true, key: parsed.data };
}
