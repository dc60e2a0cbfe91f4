import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AccountImport } from "@/components/accounts/account-import";
import { PageHeader } from "@/components/layout/page-header";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";

export const metadata: Metadata = { title: "Import accounts" };

export default async function ImportAccountsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { workspace } = await getWorkspaceContext(slug);
  if (!hasRole(workspace.role, "editor")) forbidden();
  return (
    <div className="space-y-4">
      <PageHeader title="Import accounts" description="Check a CSV first: nothing is written until you import the valid rows." />
      <AccountImport workspaceSlug={workspace.slug} />
    </div>
  );
}
