/** Who an endpoint serves: an outgoing webhook (admins manage it) or an alert channel (editors too). */
export const ENDPOINT_PURPOSES = ["webhook", "alert"] as const;
export type EndpointPurpose = (typeof ENDPOINT_PURPOSES)[number];

/** How a message is delivered: a Standard Webhooks POST, a Slack incoming webhook, or an email. */
export const ENDPOINT_KINDS = ["webhook", "slack", "email"] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Events an outgoing webhook endpoint can subscribe to; `webhook.test` is sent by "Send test event". */
export const WEBHOOK_EVENT_TYPES = ["snapshot_run.finished", "pipeline_run.finished", "account.failing", "post.failed"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "snapshot_run.finished": "A snapshot run finished",
  "pipeline_run.finished": "A post pipeline run finished",
  "account.failing": "An account started failing",
  "post.failed": "A post failed",
};

/** Final failures in a row after which an endpoint is disabled (an admin turns it back on). */
export const DISABLE_AFTER_FAILURES = 5;

export const ALERT_RULE_KINDS = ["followers_change", "account_failing", "run_problem", "post_viral", "post_failing"] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];
export const ALERT_RULE_LABELS: Record<AlertRuleKind, string> = {
  followers_change: "Followers change day over day",
  account_failing: "Account fails days in a row",
  run_problem: "Run fails or is slow",
  post_viral: "Post goes viral",
  post_failing: "Post keeps failing",
};

export const ALERT_SUBJECT_TYPES = ["account", "run", "post"] as const;
export type AlertSubjectType = (typeof ALERT_SUBJECT_TYPES)[number];

export const MUTE_DURATIONS = { day: 1, week: 7 } as const;
export type MuteDuration = keyof typeof MUTE_DURATIONS;

export function isAlertRuleKind(value: string): value is AlertRuleKind {
  return (ALERT_RULE_KINDS as readonly string[]).includes(value);
}

/** The form fields of each rule kind's parameters (the kind's zod schema is the authority). */
export interface RuleField {
  name: string;
  label: string;
  defaultValue: string;
  options?: readonly string[];
}
const scopeField: RuleField = { name: "scope", label: "Accounts", defaultValue: "all", options: ["all", "core"] };
export const ALERT_RULE_FIELDS: Record<AlertRuleKind, RuleField[]> = {
  followers_change: [{ name: "percent", label: "Change over (%)", defaultValue: "20" }, { name: "direction", label: "Direction", defaultValue: "both", options: ["both", "drop", "spike"] }, scopeField],
  account_failing: [{ name: "days", label: "Days in a row", defaultValue: "3" }, scopeField],
  run_problem: [{ name: "slowFactor", label: "Slower than median ×", defaultValue: "3" }],
  post_viral: [{ name: "factor", label: "Gain over creator's median ×", defaultValue: "5" }],
  post_failing: [{ name: "times", label: "Failures in a row", defaultValue: "3" }],
};
