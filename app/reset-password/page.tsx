import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ResetRequestForm } from "@/components/auth/reset-forms";
import { env } from "@/lib/env";
import { requestResetAction } from "./actions";

export const metadata: Metadata = { title: "Reset password" };

export default function ResetRequestPage() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle className="text-2xl">
            <h1>Reset your password</h1>
          </CardTitle>
          <CardDescription>
            {env.SMTP_URL ? "We email you a single-use link." : "This Reach sends no email: ask an admin of your workspace for a reset link."}
          </CardDescription>
        </CardHeader>
        <CardContent>{env.SMTP_URL ? <ResetRequestForm action={requestResetAction} /> : null}</CardContent>
      </Card>
    </main>
  );
}
