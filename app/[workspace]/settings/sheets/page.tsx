import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { SheetConnectForm } from "@/components/settings/sheet-connect-form";
import { SheetSourceEditor } from "@/components/settings/sheet-source-editor";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { describeServiceAccount } from "@/lib/sheets/process-sheets-client";
import { listSheets } from "@/lib/services/sheets/list-sheets";

export const metadata: Metadata = { title: "Google Sheets" };

export default async function SheetsSettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  if (!hasRole(workspace.role, "admin")) forbidden();
  const sheets = await withUserDb(claims, (tx) => listSheets(tx, workspace.id));
  const account = describeServiceAccount();
  return (
    <div className="space-y-6">
      <PageHeader title="Google Sheets" description="Sheets of TikTok post URLs that Reach reads, scrapes and writes results back to." />
      <Card>
        <CardHeader>
          <CardTitle>Connect a sheet</CardTitle>
          <CardDescription>
            {"email" in account ? (
              <>
                First share the sheet (Share → Editor) with <strong data-testid="service-account-email">{account.email}</strong>, so Reach can read it and write the results back.
              </>
            ) : (
              <span role="alert">{account.problem}</span>
            )}
          </CardDescription>
        </CardHeader>
        <CardContent>{"email" in account ? <SheetConnectForm slug={workspace.slug} /> : null}</CardContent>
      </Card>
      {sheets.map((sheet) => (
        <Card key={sheet.id} data-testid="sheet-source">
          <CardHeader>
            <CardTitle>
              {sheet.name ?? sheet.spreadsheetId} · {sheet.tab}
            </CardTitle>
            <CardDescription>
              <a className="underline underline-offset-4" href={`https://docs.google.com/spreadsheets/d/${sheet.spreadsheetId}/edit`} target="_blank" rel="noreferrer">
                Open in Google Sheets
              </a>
              {sheet.lastCheckedAt ? ` · access checked ${sheet.lastCheckedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : null}
              {sheet.lastError ? <span className="block text-destructive">{sheet.lastError}</span> : null}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SheetSourceEditor slug={workspace.slug} sheetId={sheet.id} headers={sheet.headers} mapping={sheet.mapping} statusValues={sheet.statusValues} />
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
