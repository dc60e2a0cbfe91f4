import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveryEndpoints } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** A rule may notify only the workspace's own alert channels. */
export async function assertAlertChannels(db: Db, input: { workspaceId: string; endpointIds: string[] }): Promise<void> {
  if (input.endpointIds.length === 0) return;
  const found = await db
    .select({ id: deliveryEndpoints.id })
    .from(deliveryEndpoints)
    .where(and(eq(deliveryEndpoints.workspaceId, input.workspaceId), eq(deliveryEndpoints.purpose, "alert"), inArray(deliveryEndpoints.id, input.endpointIds)));
  if (found.length !== new Set(input.endpointIds).size) throw new AppError("invalid_input", "A chosen channel does not exist in this workspace.", { field: "endpointIds" });
}
