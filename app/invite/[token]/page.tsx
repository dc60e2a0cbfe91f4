import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSessionClaims } from "@/lib/auth/session";
import { withServiceDb } from "@/lib/db/service";
import { describeInvitation, GONE_MESSAGES } from "@/lib/services/invitations/accept-invitation";
import { AcceptForm } from "./accept-form";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await withServiceDb((db) => describeInvitation(db, { token }));
  if (!invitation) notFound();
  const claims = invitation.userExists ? await getSessionClaims() : null;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-md">
        <CardHeader>
          <CardTitle className="text-2xl">
            <h1>Join {invitation.workspaceName}</h1>
          </CardTitle>
          <CardDescription>You are invited as {invitation.role}.</CardDescription>
        </CardHeader>
        <CardContent>
          {invitation.state !== "valid" ? (
            <p role="alert">{GONE_MESSAGES[invitation.state]}</p>
          ) : invitation.userExists && !claims ? (
            <p>
              You already have an account.{" "}
              <Link className="underline underline-offset-4" href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>
                Sign in as {invitation.email}
              </Link>{" "}
              to accept.
            </p>
          ) : (
            <AcceptForm token={token} email={invitation.email} needsPassword={!invitation.userExists} />
          )}
        </CardContent>
      </Card>
    </main>
  );
}
