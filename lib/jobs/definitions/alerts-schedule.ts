import { env } from "@/lib/env";
import { evaluateAlertRules } from "@/lib/services/alerts/evaluate-alert-rules";
import { listAlertingWorkspaces } from "@/lib/services/alerts/list-alerting-workspaces";
import { queueAlertDigests } from "@/lib/services/alerts/queue-alert-digests";
import { listStalledDeliveries } from "@/lib/services/deliveries/list-stalled-deliveries";
import { jobEvent } from "../events";
import type { JobDeps } from "../job-deps";
import { onCron } from "./define-job";
import { sendDeliveries } from "./send-deliveries";

// Hourly, off the hour: rules that depend on time (a run that never finished, a digest day) get checked without a run.
export const ALERTS_SCHEDULE_CRON = "23 * * * *";

/**
 * Cron → evaluate every workspace's alert rules and queue yesterday's digests, one step per
 * workspace, and send again the deliveries whose job was lost.
 */
export function alertsSchedule(deps: JobDeps) {
  return onCron(ALERTS_SCHEDULE_CRON, {
    id: "alerts-schedule",
    retries: 2,
    concurrency: [{ limit: 1 }],
    async handler({ step }) {
      const workspaceIds = await step.run("workspaces", () => deps.withDb((db) => listAlertingWorkspaces(db)));
      let queued = 0;
      for (const workspaceId of workspaceIds) {
        const deliveries = await step.run(`evaluate-${workspaceId}`, () =>
          deps.withDb(async (db) => {
            const evaluated = await evaluateAlertRules(db, { workspaceId, now: deps.now(), appUrl: env.appUrl });
            const digests = await queueAlertDigests(db, { workspaceId, now: deps.now(), appUrl: env.appUrl });
            return [...evaluated.deliveries, ...digests];
          }),
        );
        await sendDeliveries(step, `deliver-${workspaceId}`, deliveries.map((delivery) => jobEvent("deliveries.send", { workspaceId, deliveryId: delivery.id })));
        queued += deliveries.length;
      }
      const stalled = await step.run("stalled", () => deps.withDb((db) => listStalledDeliveries(db, { now: deps.now() })));
      await sendDeliveries(step, "resend", stalled.map((delivery) => jobEvent("deliveries.send", { workspaceId: delivery.workspaceId, deliveryId: delivery.id })));
      return { workspaces: workspaceIds.length, deliveries: queued, resent: stalled.length };
    },
  });
}
