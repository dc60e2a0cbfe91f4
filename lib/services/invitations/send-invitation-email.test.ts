import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendInvitationEmail } from "@/lib/services/invitations/send-invitation-email";

describe("sendInvitationEmail over SMTP", () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            data: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    server.listen(0, "127.0.0.1");
    await once(server.server, "listening");
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("delivers the link to the invitee through a real SMTP exchange", async () => {
    await sendInvitationEmail(
      {
        to: "new@example.org",
        workspaceName: "Demo Agency",
        role: "viewer",
        link: "https://reach.example.org/invite/abc",
        expiresAt: new Date("2026-12-01T00:00:00Z"),
      },
      { smtpUrl: `smtp://127.0.0.1:${port}`, from: "Reach <no-reply@example.org>" },
    );
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: "no-reply@example.org", to: ["new@example.org"] });
    expect(received[0]?.data).toContain("Subject: You're invited to Demo Agency on Reach");
    expect(received[0]?.data).toContain("https://reach.example.org/invite/abc");
  });
});
