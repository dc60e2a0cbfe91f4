import { redirect } from "next/navigation";
import { requirePageClaims } from "@/lib/auth/session";
import { withUserDb } from "@/lib/db/rls";
import { listMyWorkspaces } from "@/lib/services/workspaces/list-my-workspaces";

export default async function Home() {
  const claims = await requirePageClaims();
  const workspaces = await withUserDb(claims, (tx) => listMyWorkspaces(tx));
  const first = workspaces[0];
  if (!first) {
    return (
      <main className="flex min-h-screen items-center justify-center p-6 text-center">
        <div className="max-w-md space-y-2">
          <h1 className="text-xl font-semibold">No workspace yet</h1>
          <p className="text-muted-foreground">Ask an admin of your team to invite you to their workspace.</p>
        </div>
      </main>
    );
  }
  redirect(`/${first.slug}`);
}
