import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export interface InvitationEmail {
  to: string;
  workspaceName: string;
  role: string;
  link: string;
  expiresAt: Date;
}

export interface MailConfig {
  smtpUrl?: string;
  from: string;
}

export const mailConfigured = (config: MailConfig = { smtpUrl: env.SMTP_URL, from: env.SMTP_FROM }) => Boolean(config.smtpUrl);

/** Sends the invitation link; the link is never logged, only handed to the SMTP server. */
export async function sendInvitationEmail(email: InvitationEmail, config: MailConfig = { smtpUrl: env.SMTP_URL, from: env.SMTP_FROM }) {
  if (!config.smtpUrl) throw new Error("SMTP_URL is not set");
  const transport = nodemailer.createTransport(config.smtpUrl);
  try {
    await transport.sendMail({
      from: config.from,
      to: email.to,
      subject: `You're invited to ${email.workspaceName} on Reach`,
      text: [
        `You have been invited to join ${email.workspaceName} on Reach as ${email.role}.`,
        "",
        `Accept the invitation: ${email.link}`,
        "",
        `The link works once and expires on ${email.expiresAt.toUTCString()}.`,
      ].join("\n"),
    });
  } finally {
    transport.close();
  }
}
