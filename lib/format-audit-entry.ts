import { PLATFORM_LABELS } from "@/lib/format";

type Details = Record<string, unknown> | null | undefined;

const FIELD_NAMES: Record<string, string> = {
  displayName: "display name",
  organization: "organization",
  tags: "tags",
  isCore: "core flag",
  active: "active flag",
  name: "name",
  timezone: "time zone",
  snapshotTime: "daily snapshot time",
  target: "URL",
  events: "events",
};

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const count = (value: unknown): number => (typeof value === "number" ? value : 0);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const fields = (value: unknown): string =>
  Array.isArray(value) && value.length > 0 ? value.map((field) => FIELD_NAMES[String(field)] ?? String(field)).join(", ") : "its details";
const account = (details: Details) => {
  const platform = text(details?.platform);
  const handle = text(details?.handle);
  return `the ${platform ? `${PLATFORM_LABELS[platform] ?? platform} ` : ""}account${handle ? ` ${handle}` : ""}`;
};

const endpointSentences = (prefix: string, noun: string, article: "a" | "an"): Record<string, (details: Details) => string> => ({
  [`${prefix}.created`]: (d) => `Added the ${noun} ${text(d?.name) ?? ""}${text(d?.host) ? ` (${text(d?.host)})` : ""}`,
  [`${prefix}.updated`]: (d) => (d?.enabled === false ? `Turned off ${article} ${noun}` : d?.enabled === true ? `Turned ${article} ${noun} back on` : `Changed ${article} ${noun}'s ${fields(d?.changed)}`),
  [`${prefix}.deleted`]: (d) => `Deleted the ${noun} ${text(d?.name) ?? ""} and its delivery log`,
});

const SENTENCES: Record<string, (details: Details) => string> = {
  "account.created": (d) => `Added ${account(d)}`,
  "account.updated": (d) => `Edited an account's ${fields(d?.fields)}`,
  "account.deleted": (d) => `Deleted ${account(d)} and its history`,
  "accounts.imported": (d) =>
    `Imported ${plural(count(d?.created), "new account")} from ${d?.source === "cli" ? "the command line" : "a CSV upload"}` +
    (count(d?.unchanged) > 0 ? ` (${plural(count(d?.unchanged), "row")} already tracked)` : ""),
  "invitation.created": (d) => `Invited ${text(d?.email) ?? "someone"} as ${text(d?.role) ?? "a member"}`,
  "invitation.revoked": () => "Revoked an invitation",
  "invitation.accepted": (d) => `Joined the workspace from an invitation, as ${text(d?.role) ?? "a member"}`,
  "member.role_changed": (d) => `Changed a member's role from ${text(d?.from) ?? "?"} to ${text(d?.to) ?? "?"}`,
  "member.removed": (d) => `Removed a member${text(d?.role) ? ` (${text(d?.role)})` : ""}`,
  "member.sessions_ended": () => "Signed a member out of every session",
  "member.reset_link_issued": () => "Issued a password-reset link for a member",
  "sheet.updated": (d) => `Changed the Google Sheet's ${fields(d?.fields)}`,
  "sheet.disconnected": (d) => `Disconnected the Google Sheet${text(d?.tab) ? ` (tab “${text(d?.tab)}”)` : ""}`,
  ...endpointSentences("webhook", "webhook", "a"),
  ...endpointSentences("alert_channel", "alert channel", "an"),
  "user.created": (d) => `Created the user ${text(d?.email) ?? ""} as ${text(d?.role) ?? "a member"} from the command line`,
  "user.two_factor_enabled": () => "Turned on two-factor sign-in",
  "user.two_factor_disabled": (d) => `Turned off two-factor sign-in (confirmed with ${d?.proof === "password" ? "the password" : "a code"})`,
  "user.recovery_code_used": () => "Signed in with a recovery code",
  "workspace.updated": (d) => {
    const parts = [
      text(d?.name) && `name “${text(d?.name)}”`,
      text(d?.timezone) && `time zone ${text(d?.timezone)}`,
      text(d?.snapshotTime) && `daily snapshot at ${text(d?.snapshotTime)}`,
    ].filter(Boolean);
    return parts.length ? `Set the workspace's ${parts.join(", ")}` : "Changed the workspace's settings";
  },
  "workspace.two_factor_requirement_changed": (d) =>
    d?.required === true ? "Required two-factor sign-in for every member" : "Stopped requiring two-factor sign-in",
};

/** An audit entry as a sentence a person reads; an action without one reads as its words and values. */
export function formatAuditEntry(action: string, details: Details): string {
  const sentence = SENTENCES[action];
  if (sentence) return sentence(details);
  const words = action.replace(/[._]/g, " ");
  const values = Object.entries(details ?? {})
    .filter(([, value]) => value !== null && typeof value !== "object")
    .map(([key, value]) => `${FIELD_NAMES[key] ?? key.replace(/([A-Z])/g, " $1").toLowerCase()} ${String(value)}`);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}${values.length ? `: ${values.join(", ")}` : ""}`;
}
