import { env } from "@/lib/env";
import { queueRunWebhooks } from "@/lib/services/webhooks/queue-run-webhooks";
import { jobEvent } from "../events";
import type { JobDeps } from "../job-deps";
import { onEvent } from "./define-job";

/** runs.finished → queue the run's outgoing webhooks, then one deliveries.send per queued delivery. */
export function runsFinished(deps: JobDeps) {
  return onEvent("runs.finished", {
    id: "runs-finished",
    retries: 3,
    idempotency: "event.data.runId",
    async handler({ event, step }) {
      const { workspaceId, runId } = event.data;
      const webhooks = await step.run("webhooks", () => deps.withDb((db) => queueRunWebhooks(db, { runId, appUrl: env.appUrl, now: deps.now() })));
      if (webhooks.length > 0) {
        await step.sendEvent("deliver", webhooks.map((delivery) => jobEvent("deliveries.send", { workspaceId, deliveryId: delivery.id })));
      }
      return { webhooks: webhooks.length };
    },
  });
}
