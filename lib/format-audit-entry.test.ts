import { describe, expect, it } from "vitest";
import { formatAuditEntry } from "./format-audit-entry";

describe("audit entries as sentences", () => {
  it.each([
    ["account.created", { platform: "youtube", handle: "@CDCgov" }, "Added the YouTube account @CDCgov"],
    ["account.updated", { fields: ["displayName", "isCore"] }, "Edited an account's display name, core flag"],
    ["account.deleted", { platform: "x", handle: "hhsgov" }, "Deleted the X account hhsgov and its history"],
    ["accounts.imported", { created: 3, unchanged: 1, source: "upload" }, "Imported 3 new accounts from a CSV upload (1 row already tracked)"],
    ["accounts.imported", { created: 1, unchanged: 0, source: "cli" }, "Imported 1 new account from the command line"],
    ["invitation.created", { email: "a@b.test", role: "editor" }, "Invited a@b.test as editor"],
    ["member.role_changed", { from: "viewer", to: "admin" }, "Changed a member's role from viewer to admin"],
    ["workspace.updated", { name: "Demo", timezone: "Europe/Paris", snapshotTime: "07:30" }, "Set the workspace's name “Demo”, time zone Europe/Paris, daily snapshot at 07:30"],
    ["workspace.two_factor_requirement_changed", { required: true }, "Required two-factor sign-in for every member"],
    ["user.two_factor_disabled", { proof: "password" }, "Turned off two-factor sign-in (confirmed with the password)"],
    ["sheet.disconnected", { spreadsheetId: "1abc", tab: "Posts" }, "Disconnected the Google Sheet (tab “Posts”)"],
    ["webhook.created", { name: "CRM", kind: "webhook", host: "hooks.example.org" }, "Added the webhook CRM (hooks.example.org)"],
    ["webhook.updated", { changed: ["enabled"], enabled: false }, "Turned off a webhook"],
    ["alert_channel.updated", { changed: ["name", "target"] }, "Changed an alert channel's name, URL"],
    ["alert_channel.deleted", { name: "Team Slack" }, "Deleted the alert channel Team Slack and its delivery log"],
  ])("%s reads as a sentence", (action, details, sentence) => {
    expect(formatAuditEntry(action, details)).toBe(sentence);
  });

  it("reads an action it has no sentence for as words and plain values, never JSON", () => {
    expect(formatAuditEntry("token.first_used", { tokenName: "BI export", from: "203.0.113.9", nested: { a: 1 } })).toBe(
      "Token first used: token name BI export, from 203.0.113.9",
    );
    expect(formatAuditEntry("member.removed", null)).toBe("Removed a member");
  });
});
