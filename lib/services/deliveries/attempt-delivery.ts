import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveries, deliveryEndpoints } from "@/lib/db/schema";
import { DISABLE_AFTER_FAILURES, type EndpointKind } from "@/lib/domain/notifications";
import { sendToEndpoint, type DeliveryTransport } from "./delivery-transport";
import { openWebhookSecret } from "./webhook-secret";

export interface AttemptDeliveryInput {
  deliveryId: string;
  /** Attempts a delivery gets in all: a failure at the last one is final, even across re-sent jobs. */
  maxAttempts: number;
  /** When the next attempt would be, recorded on a failure that is not final. */
  nextAttemptAt: Date;
  now: Date;
}

export type AttemptResult = { status: "succeeded" | "failed" | "skipped" } | { status: "retry" };

/**
 * One attempt at a pending delivery, recorded on its row (attempts, response code, error, next
 * attempt). A final failure counts against the endpoint, which is disabled after
 * DISABLE_AFTER_FAILURES in a row; a success resets the count. A delivery no longer pending is left alone.
 */
export async function attemptDelivery(db: Db, transport: DeliveryTransport, input: AttemptDeliveryInput): Promise<AttemptResult> {
  const [row] = await db
    .select({
      status: deliveries.status,
      attempts: deliveries.attempts,
      payload: deliveries.payload,
      endpointId: deliveryEndpoints.id,
      kind: deliveryEndpoints.kind,
      target: deliveryEndpoints.target,
      secretSealed: deliveryEndpoints.secretSealed,
      enabled: deliveryEndpoints.enabled,
    })
    .from(deliveries)
    .innerJoin(deliveryEndpoints, eq(deliveryEndpoints.id, deliveries.endpointId))
    .where(eq(deliveries.id, input.deliveryId));
  if (!row || row.status !== "pending") return { status: "skipped" };
  if (!row.enabled) {
    await db.update(deliveries).set({ status: "failed", lastError: "endpoint disabled", nextAttemptAt: null }).where(eq(deliveries.id, input.deliveryId));
    return { status: "failed" };
  }
  const secret = row.secretSealed ? openWebhookSecret(row.secretSealed, row.endpointId) : null;
  const outcome = await sendToEndpoint(transport, { kind: row.kind as EndpointKind, target: row.target, secret }, { id: `msg_${input.deliveryId}`, payload: row.payload, now: input.now });
  const final = !outcome.ok && (row.attempts + 1 >= input.maxAttempts || outcome.permanent);
  const status = outcome.ok ? "succeeded" : final ? "failed" : "pending";
  await db.transaction(async (tx) => {
    await tx
      .update(deliveries)
      .set({
        status,
        attempts: sql`${deliveries.attempts} + 1`,
        responseStatus: outcome.responseStatus,
        lastError: outcome.error,
        nextAttemptAt: status === "pending" ? input.nextAttemptAt : null,
        deliveredAt: outcome.ok ? input.now : null,
      })
      .where(eq(deliveries.id, input.deliveryId));
    if (outcome.ok) {
      await tx.update(deliveryEndpoints).set({ consecutiveFailures: 0 }).where(eq(deliveryEndpoints.id, row.endpointId));
    } else if (final) {
      await tx.execute(sql`
        update delivery_endpoints set
          consecutive_failures = consecutive_failures + 1,
          enabled = consecutive_failures + 1 < ${DISABLE_AFTER_FAILURES},
          disabled_reason = case when consecutive_failures + 1 >= ${DISABLE_AFTER_FAILURES}
            then ${`Disabled after ${DISABLE_AFTER_FAILURES} failed deliveries in a row`}::text else disabled_reason end,
          updated_at = ${input.now.toISOString()}::timestamptz
        where id = ${row.endpointId}`);
    }
  });
  return { status: status === "pending" ? "retry" : status };
}
