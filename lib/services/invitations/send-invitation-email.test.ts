import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendInvitationEmail } from "@/lib/services/invitations/send-invitation-email";
import { startSmtpSink } from "@/tests/smtp-sink";

describe("sendInvitationEmail over SMTP", () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it("delivers the link to the invitee through a real SMTP exchange", async () => {
    await sendInvitationEmail(
      {
        to: "new@example.org",
        workspaceName: "Demo Agency",
        role: "viewer",
        link: "https://reach.example.org/invite/abc",
        expiresAt: new Date("2026-12-01T00:00:00Z"),
      },
      { smtpUrl: sink.smtpUrl, from: "Reach <no-reply@example.org>" },
    );
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]).toMatchObject({ from: "no-reply@example.org", to: ["new@example.org"] });
    expect(sink.received[0]?.data).toContain("Subject: You're invited to Demo Agency on Reach");
    expect(sink.received[0]?.data).toContain("https://reach.example.org/invite/abc");
  });
});
