import type { Metadata } from "next";
import Link from "next/link";
import { PrivacySettings } from "@/components/account/privacy-settings";
import { TwoFactorSettings } from "@/components/account/two-factor-settings";
import { PageHeader } from "@/components/layout/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePageClaims } from "@/lib/auth/session";
import { withUserDb } from "@/lib/db/rls";
import { withServiceDb } from "@/lib/db/service";
import { getTwoFactorStatus } from "@/lib/services/two-factor/get-two-factor-status";
import { listMyWorkspaces } from "@/lib/services/workspaces/list-my-workspaces";

export const metadata: Metadata = { title: "Your account" };

/** The signed-in user's own settings, outside any workspace so a workspace's two-factor rule never blocks it. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const claims = await requirePageClaims();
  const { required } = await searchParams;
  const [status, workspaces] = await Promise.all([
    withServiceDb((db) => getTwoFactorStatus(db, claims.sub)),
    withUserDb(claims, (tx) => listMyWorkspaces(tx)),
  ]);
  const requiring = workspaces.filter((workspace) => workspace.requireTwoFactor);
  const blocked = status.enabled ? null : (requiring.find((workspace) => workspace.slug === required) ?? requiring[0] ?? null);
  const home = workspaces.find((workspace) => !workspace.requireTwoFactor || status.enabled);
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 p-4 md:p-6">
      <PageHeader
        title="Your account"
        description={claims.email ?? undefined}
        actions={
          home ? (
            <Link href={`/${home.slug}`} className="text-sm underline underline-offset-4">
              Back to {home.name}
            </Link>
          ) : null
        }
      />
      {blocked ? (
        <Alert>
          <AlertTitle>{blocked.name} requires two-factor sign-in</AlertTitle>
          <AlertDescription>Turn it on below to open that workspace.</AlertDescription>
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Two-factor sign-in</CardTitle>
          <CardDescription>A code from an authenticator app (TOTP), asked for after your password.</CardDescription>
        </CardHeader>
        <CardContent>
          <TwoFactorSettings enabled={status.enabled} enabledAt={status.enabledAt?.toISOString() ?? null} recoveryCodesLeft={status.recoveryCodesLeft} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Your data</CardTitle>
          <CardDescription>Download it, or delete your account.</CardDescription>
        </CardHeader>
        <CardContent>
          <PrivacySettings email={claims.email ?? ""} />
        </CardContent>
      </Card>
    </main>
  );
}
