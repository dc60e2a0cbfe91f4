import { decode, encode } from "next-auth/jwt";

// Its own salt: a ticket is never mistaken for a session token, nor one for a ticket.
const SALT = "reach.google-second-factor";
const PURPOSE = "google-second-factor";
export const GOOGLE_TICKET_SECONDS = 5 * 60;

/**
 * After Google vouched for an account that has a second factor: an encrypted, 5-minute ticket
 * naming it, which the sign-in page sends back with the code. It proves only the first factor.
 */
export async function issueGoogleTicket(secret: string, user: { id: string; email: string }): Promise<string> {
  return encode({ token: { sub: user.id, email: user.email, purpose: PURPOSE }, secret, salt: SALT, maxAge: GOOGLE_TICKET_SECONDS });
}

/** The account a ticket names, or null when it is forged, altered, of another kind or expired. */
export async function openGoogleTicket(secret: string, ticket: string): Promise<{ id: string; email: string } | null> {
  try {
    const token = await decode({ token: ticket, secret, salt: SALT });
    if (token?.purpose !== PURPOSE || typeof token.sub !== "string" || typeof token.email !== "string") return null;
    return { id: token.sub, email: token.email };
  } catch {
    return null;
  }
}
