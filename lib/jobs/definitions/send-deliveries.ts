import type { JobStep } from "../job-definition";
import type { RegisteredJobEvent } from "../events";
import { FAN_OUT_CHUNK } from "./snapshots-run";

/** Fans out deliveries.send events, FAN_OUT_CHUNK per sendEvent step (Inngest's payload limit). */
export async function sendDeliveries(step: JobStep<RegisteredJobEvent>, id: string, events: RegisteredJobEvent<"deliveries.send">[]): Promise<void> {
  for (let start = 0; start < events.length; start += FAN_OUT_CHUNK) {
    await step.sendEvent(`${id}-${start / FAN_OUT_CHUNK}`, events.slice(start, start + FAN_OUT_CHUNK));
  }
}
