import { env } from "@/lib/env";
import { evaluateAlertRules } from "@/lib/services/alerts/evaluate-alert-rules";
import { fillPeriodMedians } from "@/lib/services/posts/fill-period-medians";
import { queueRunWebhooks } from "@/lib/services/webhooks/queue-run-webhooks";
import { jobEvent } from "../events";
import type { JobDeps } from "../job-deps";
import { onEvent } from "./define-job";
import { sendDeliveries } from "./send-deliveries";

/**
 * runs.finished → queue the run's outgoing webhooks, evaluate the workspace's alert rules, then one
 * deliveries.send per queued delivery; and store the preset periods' medians the run's writes cleared.
 */
export function runsFinished(deps: JobDeps) {
  return onEvent("runs.finished", {
    id: "runs-finished",
    retries: 3,
    idempotency: "event.data.runId",
    async handler({ event, step }) {
      const { workspaceId, runId } = event.data;
      const webhooks = await step.run("webhooks", () => deps.withDb((db) => queueRunWebhooks(db, { runId, appUrl: env.appUrl, now: deps.now() })));
      const alerts = await step.run("alerts", () => deps.withDb((db) => evaluateAlertRules(db, { workspaceId, now: deps.now(), appUrl: env.appUrl })));
      const deliveries = [...webhooks, ...alerts.deliveries];
      await sendDeliveries(step, "deliver", deliveries.map((delivery) => jobEvent("deliveries.send", { workspaceId, deliveryId: delivery.id })));
      const medians = await step.run("medians", () => deps.withDb((db) => fillPeriodMedians(db, { workspaceId, now: deps.now() })));
      return { webhooks: webhooks.length, alerts: alerts.alerts, deliveries: deliveries.length, medians: medians.written };
    },
  });
}
