import type { Notice } from "@/lib/services/deliveries/build-message";
import type { AlertCandidate } from "./rule-kind";

/** A stored alert: a rule's candidate once recorded (the subject type as the database holds it). */
export type AlertRecord = Omit<AlertCandidate, "subjectType"> & { id: string; ruleId: string; ruleKind: string; subjectType: string };

const absolute = (appUrl: string | undefined, path: string) => (appUrl ? new URL(path, appUrl).toString() : null);

/** An alert as every channel receives it: `alert.triggered`, with a link to its subject when the app's URL is known. */
export function alertNotice(alert: AlertRecord, appUrl: string | undefined): Notice {
  const link = absolute(appUrl, alert.link);
  return {
    type: "alert.triggered",
    title: alert.title,
    text: alert.message,
    link,
    data: {
      alertId: alert.id,
      ruleId: alert.ruleId,
      rule: alert.ruleKind,
      subject: { type: alert.subjectType, id: alert.subjectId, label: alert.subjectLabel, link: link ?? alert.link },
      day: alert.day,
      title: alert.title,
      message: alert.message,
      details: alert.details,
    },
  };
}

/** A channel's daily digest: the day's alerts in one message. */
export function digestNotice(day: string, alerts: AlertRecord[], appUrl: string | undefined): Notice {
  return {
    type: "alert.digest",
    title: `${alerts.length} alert(s) on ${day}`,
    text: alerts.map((alert) => `• ${alert.title}${absolute(appUrl, alert.link) ? ` — ${absolute(appUrl, alert.link)}` : ""}`).join("\n"),
    link: null,
    data: { day, alerts: alerts.map((alert) => alertNotice(alert, appUrl).data) },
  };
}
