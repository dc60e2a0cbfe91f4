import { AppShell } from "@/components/layout/app-shell";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  return (
    <AppShell
      workspaceSlug={workspace.slug}
      workspaceName={workspace.name}
      user={{ email: claims.email ?? "", role: workspace.role }}
      signOutSlot={<SignOutButton />}
    >
      {children}
    </AppShell>
  );
}
