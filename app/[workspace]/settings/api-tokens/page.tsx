import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ApiTokens } from "@/components/settings/api-tokens";
import { PageHeader } from "@/components/layout/page-header";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { listApiTokens } from "@/lib/services/api-tokens/list-api-tokens";

export const metadata: Metadata = { title: "API tokens" };

const iso = (value: Date | null) => value?.toISOString() ?? null;

export default async function ApiTokensPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  if (!hasRole(workspace.role, "admin")) forbidden();
  const tokens = await withUserDb(claims, (tx) => listApiTokens(tx, { workspaceId: workspace.id }));
  return (
    <div className="space-y-6">
      <PageHeader
        title="API tokens"
        description={
          <>
            Send a token as <code>Authorization: Bearer &lt;token&gt;</code> to{" "}
            <Link href="/api/docs" className="underline underline-offset-4">
              the API
            </Link>
            . A viewer token reads; an editor token also adds and edits accounts and starts runs. Tokens never manage members or tokens.
          </>
        }
      />
      <ApiTokens
        workspaceSlug={workspace.slug}
        tokens={tokens.map((token) => ({
          id: token.id,
          name: token.name,
          role: token.role,
          createdAt: token.createdAt.toISOString(),
          expiresAt: iso(token.expiresAt),
          lastUsedAt: iso(token.lastUsedAt),
          lastUsedFrom: token.lastUsedFrom,
          revokedAt: iso(token.revokedAt),
        }))}
      />
    </div>
  );
}
