import type { EndpointKind } from "@/lib/domain/notifications";
import type { DeliveryPayload } from "./delivery-transport";

/** Something to tell an endpoint, before it is shaped for the endpoint's kind. */
export interface Notice {
  /** The event type: `snapshot_run.finished`, `alert.triggered`, `webhook.test`, … */
  type: string;
  title: string;
  text: string;
  /** An absolute link to the subject in Reach, when the app's URL is known. */
  link: string | null;
  /** The machine-readable body of a webhook (`data` in the Standard Webhooks envelope). */
  data: Record<string, unknown>;
}

// Slack's mrkdwn treats these three as control characters.
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Slack incoming-webhook message: a plain-text fallback and one mrkdwn section, with a link button when there is a link. */
export function slackMessage(notice: Pick<Notice, "title" | "text" | "link">): DeliveryPayload {
  const blocks: Record<string, unknown>[] = [{ type: "section", text: { type: "mrkdwn", text: `*${slackEscape(notice.title)}*\n${slackEscape(notice.text)}` } }];
  if (notice.link) {
    blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open in Reach" }, url: notice.link }] });
  }
  return { text: `${notice.title}: ${notice.text}`, blocks };
}

/** The body stored on a delivery: the Standard Webhooks JSON envelope, a Slack message, or an email. */
export function buildMessage(kind: EndpointKind, notice: Notice, now: Date): DeliveryPayload {
  if (kind === "slack") return slackMessage(notice);
  if (kind === "email") return { subject: `[Reach] ${notice.title}`, text: [notice.text, ...(notice.link ? ["", notice.link] : [])].join("\n") };
  return { type: notice.type, timestamp: now.toISOString(), data: notice.data };
}
