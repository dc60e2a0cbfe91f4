import { z } from "zod";
import { ENDPOINT_KINDS, WEBHOOK_EVENT_TYPES } from "@/lib/domain/notifications";
import { AppError } from "@/lib/errors";
import { isBlockedDestination } from "@/lib/net/ssrf-guard";
import { assertDeliverableUrl, type DeliveryTransport } from "./delivery-transport";

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:$/.test(URL.parse(value)?.protocol ?? ""), "must be an http(s) URL");

export const endpointFields = {
  name: z.string().trim().min(1).max(80),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length),
  digest: z.boolean(),
  enabled: z.boolean(),
};

export const createEndpointSchema = z
  .object({
    kind: z.enum(ENDPOINT_KINDS).default("webhook"),
    name: endpointFields.name,
    target: z.string().trim().min(1).max(2000),
    events: endpointFields.events.default([...WEBHOOK_EVENT_TYPES]),
    digest: endpointFields.digest.default(false),
  })
  .superRefine((value, ctx) => {
    const valid = value.kind === "email" ? z.email().safeParse(value.target).success : httpUrl.safeParse(value.target).success;
    if (!valid) ctx.addIssue({ code: "custom", path: ["target"], message: value.kind === "email" ? "must be an email address" : "must be an http(s) URL" });
  });
export type CreateEndpointInput = z.infer<typeof createEndpointSchema>;

export const updateEndpointSchema = z
  .object({ name: endpointFields.name, target: httpUrl, events: endpointFields.events, digest: endpointFields.digest, enabled: endpointFields.enabled })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "nothing to change");
export type UpdateEndpointInput = z.infer<typeof updateEndpointSchema>;

/** Before saving: a URL the private-address guard refuses is the user's mistake (400), said at once. */
export async function assertEndpointTarget(input: { kind?: string; target?: string }, transport: DeliveryTransport): Promise<void> {
  if (!input.target || input.kind === "email") return;
  try {
    await assertDeliverableUrl(input.target, transport);
  } catch (error) {
    if (isBlockedDestination(error)) throw new AppError("invalid_input", "That URL is not a public address; Reach delivers only to public hosts.", { field: "target" });
    throw new AppError("invalid_input", "That URL's host could not be resolved.", { field: "target" });
  }
}
