import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveryEndpoints } from "@/lib/db/schema";
import type { EndpointKind, EndpointPurpose } from "@/lib/domain/notifications";

export interface EndpointView {
  id: string;
  purpose: EndpointPurpose;
  kind: EndpointKind;
  name: string;
  target: string;
  events: string[];
  digest: boolean;
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: string;
}

export const endpointColumns = {
  id: deliveryEndpoints.id,
  purpose: deliveryEndpoints.purpose,
  kind: deliveryEndpoints.kind,
  name: deliveryEndpoints.name,
  target: deliveryEndpoints.target,
  events: deliveryEndpoints.events,
  digest: deliveryEndpoints.digest,
  enabled: deliveryEndpoints.enabled,
  disabledReason: deliveryEndpoints.disabledReason,
  consecutiveFailures: deliveryEndpoints.consecutiveFailures,
  createdAt: deliveryEndpoints.createdAt,
};

// A Slack incoming-webhook URL is its own credential: its last segment is never shown again.
const maskTarget = (kind: unknown, target: string) => (kind === "slack" ? target.replace(/[^/]+$/, "••••") : target);

/** What the audit log keeps of a destination: its host or mail domain, never a URL's path or query (tokens live there). */
export const targetHost = (kind: string, target: string) => (kind === "email" ? target.split("@").pop() : URL.parse(target)?.host) ?? null;

export function toEndpointView(row: { [K in keyof typeof endpointColumns]: unknown }): EndpointView {
  const view = row as Omit<EndpointView, "createdAt">;
  return { ...view, target: maskTarget(row.kind, view.target), createdAt: (row.createdAt as Date).toISOString() };
}

/** A workspace's webhook endpoints or alert channels, oldest first; the signing secret is never read back. */
export async function listEndpoints(db: Db, input: { workspaceId: string; purpose: EndpointPurpose }): Promise<EndpointView[]> {
  const rows = await db
    .select(endpointColumns)
    .from(deliveryEndpoints)
    .where(and(eq(deliveryEndpoints.workspaceId, input.workspaceId), eq(deliveryEndpoints.purpose, input.purpose)))
    .orderBy(asc(deliveryEndpoints.createdAt), asc(deliveryEndpoints.id));
  return rows.map(toEndpointView);
}
