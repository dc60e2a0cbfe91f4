import type { Metadata } from "next";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ResetPasswordForm } from "@/components/auth/reset-forms";
import { withServiceDb } from "@/lib/db/service";
import { describeResetToken } from "@/lib/services/password-resets/reset-password";
import { resetPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = await withServiceDb((db) => describeResetToken(db, { token }));
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle className="text-2xl">
            <h1>Choose a new password</h1>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {target ? (
            <ResetPasswordForm action={resetPasswordAction.bind(null, token)} email={target.email} />
          ) : (
            <p role="alert">This reset link has expired or was already used. Ask for a new one.</p>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
