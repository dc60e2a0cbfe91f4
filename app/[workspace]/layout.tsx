import { AppShell } from "@/components/layout/app-shell";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { listMyWorkspaces } from "@/lib/services/workspaces/list-my-workspaces";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  const workspaces = await withUserDb(claims, (tx) => listMyWorkspaces(tx));
  return (
    <AppShell
      workspaceSlug={workspace.slug}
      workspaceName={workspace.name}
      user={{ email: claims.email ?? "", role: workspace.role }}
      workspaces={workspaces.map(({ slug: s, name, role }) => ({ slug: s, name, role }))}
      signOutSlot={<SignOutButton />}
    >
      {children}
    </AppShell>
  );
}
