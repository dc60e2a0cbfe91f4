import type { LookupFunction } from "node:net";
import nodemailer from "nodemailer";
import { Webhook } from "standardwebhooks";
import { request, type Dispatcher } from "undici";
import type { EndpointKind } from "@/lib/domain/notifications";
import { env } from "@/lib/env";
import { assertPublicDestination, createGuardedAgent, isBlockedDestination } from "@/lib/net/ssrf-guard";
import type { MailConfig } from "@/lib/services/invitations/send-invitation-email";

/** What delivering needs from the outside world; tests pass their own allowed origins and SMTP server. */
export interface DeliveryTransport {
  /** Origins let past the private-address guard (WEBHOOK_ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  mail: MailConfig;
  timeoutMs: number;
  /** DNS for the guard; tests pass their own. */
  lookup?: LookupFunction;
}

export function transportFromEnv(): DeliveryTransport {
  return { allowedOrigins: env.WEBHOOK_ALLOWED_ORIGINS, mail: { smtpUrl: env.SMTP_URL, from: env.SMTP_FROM }, timeoutMs: 10_000 };
}

/** A message as stored on its delivery row: the JSON body of a webhook or Slack call, or an email. */
export type DeliveryPayload = Record<string, unknown>;

export interface SendTarget {
  kind: EndpointKind;
  target: string;
  /** The endpoint's whsec_ secret, for kind `webhook`. */
  secret: string | null;
}

export interface SendOutcome {
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
  /** Trying again cannot help (a refused destination, no SMTP server): the delivery fails at once. */
  permanent: boolean;
}

const agents = new Map<string, Dispatcher>();
function agentFor(transport: DeliveryTransport): Dispatcher {
  const key = transport.allowedOrigins.join(",");
  let agent = agents.get(key);
  if (!agent) {
    agent = createGuardedAgent({ allowedOrigins: transport.allowedOrigins, lookup: transport.lookup, connectTimeoutMs: transport.timeoutMs });
    agents.set(key, agent);
  }
  return agent;
}

/** Refuses a URL the guard would refuse (checked when an endpoint is saved, and again on every connection). */
export async function assertDeliverableUrl(url: string, transport: DeliveryTransport): Promise<void> {
  await assertPublicDestination(new URL(url), { allowedOrigins: transport.allowedOrigins, lookup: transport.lookup });
}

/** The three Standard Webhooks headers for one attempt; the id stays the same across retries. */
export function standardWebhookHeaders(secret: string, messageId: string, timestamp: Date, body: string): Record<string, string> {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, timestamp, body),
  };
}

async function post(transport: DeliveryTransport, url: string, body: string, headers: Record<string, string>): Promise<SendOutcome> {
  try {
    await assertDeliverableUrl(url, transport);
    // Redirects are not followed: a 3xx counts as a failure, so a redirect cannot lead inside.
    const response = await request(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "user-agent": "Reach-Webhooks/1.0", ...headers },
      dispatcher: agentFor(transport),
      headersTimeout: transport.timeoutMs,
      bodyTimeout: transport.timeoutMs,
    });
    await response.body.dump({ limit: 64 * 1024 });
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    return { ok, responseStatus: response.statusCode, error: ok ? null : `HTTP ${response.statusCode}`, permanent: false };
  } catch (error) {
    if (isBlockedDestination(error)) return { ok: false, responseStatus: null, error: "blocked_destination: not a public address", permanent: true };
    if (error instanceof TypeError && /Invalid URL/i.test(error.message)) return { ok: false, responseStatus: null, error: "invalid_url", permanent: true };
    const code = (error as { code?: string }).code;
    return { ok: false, responseStatus: null, error: code ?? (error as Error).name, permanent: false };
  }
}

/** Sends one attempt of a message to an endpoint; never throws for a failure of the receiver. */
export async function sendToEndpoint(transport: DeliveryTransport, target: SendTarget, message: { id: string; payload: DeliveryPayload; now: Date }): Promise<SendOutcome> {
  if (target.kind === "email") {
    if (!transport.mail.smtpUrl) return { ok: false, responseStatus: null, error: "not_configured: SMTP_URL is not set", permanent: true };
    const mail = nodemailer.createTransport(transport.mail.smtpUrl);
    try {
      await mail.sendMail({ from: transport.mail.from, to: target.target, subject: String(message.payload.subject ?? "Reach"), text: String(message.payload.text ?? "") });
      return { ok: true, responseStatus: null, error: null, permanent: false };
    } catch (error) {
      return { ok: false, responseStatus: (error as { responseCode?: number }).responseCode ?? null, error: (error as { code?: string }).code ?? "smtp_error", permanent: false };
    } finally {
      mail.close();
    }
  }
  const body = JSON.stringify(message.payload);
  if (target.kind === "slack") return post(transport, target.target, body, {});
  if (!target.secret) return { ok: false, responseStatus: null, error: "no signing secret", permanent: true };
  return post(transport, target.target, body, standardWebhookHeaders(target.secret, message.id, message.now, body));
}
