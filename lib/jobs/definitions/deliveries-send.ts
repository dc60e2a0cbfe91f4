import { attemptDelivery } from "@/lib/services/deliveries/attempt-delivery";
import { transportFromEnv } from "@/lib/services/deliveries/delivery-transport";
import type { JobDeps } from "../job-deps";
import { onEvent } from "./define-job";

/** A first try and four retries, after the job's backoff (15 s, 1 min, 4 min, 16 min in production). */
export const DELIVERY_ATTEMPTS = 5;

/**
 * deliveries.send → up to DELIVERY_ATTEMPTS attempts at one delivery, with a durable sleep
 * between them. Each attempt is one step that records its outcome on the delivery's row, so a
 * replayed step finds the delivery no longer pending and sends nothing twice.
 */
export function deliveriesSend(deps: JobDeps) {
  return onEvent("deliveries.send", {
    id: "deliveries-send",
    retries: 2,
    concurrency: [{ key: "event.data.workspaceId", limit: 4 }],
    idempotency: "event.data.deliveryId",
    async handler({ event, step }) {
      const transport = deps.deliveryTransport ?? transportFromEnv();
      for (let attempt = 0; attempt < DELIVERY_ATTEMPTS; attempt++) {
        if (attempt > 0) await step.sleep(`backoff-${attempt}`, deps.retryBackoffMs(attempt));
        const result = await step.run(`attempt-${attempt}`, () => {
          const now = deps.now();
          const nextAttemptAt = new Date(now.getTime() + deps.retryBackoffMs(attempt + 1));
          return deps.withDb((db) => attemptDelivery(db, transport, { deliveryId: event.data.deliveryId, maxAttempts: DELIVERY_ATTEMPTS, nextAttemptAt, now }));
        });
        if (result.status !== "retry") return { attempts: attempt + 1, status: result.status };
      }
      return { attempts: DELIVERY_ATTEMPTS, status: "failed" };
    },
  });
}
