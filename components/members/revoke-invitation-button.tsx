"use client";

import { Button } from "@/components/ui/button";
import { api } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";

export function RevokeInvitationButton({ workspaceSlug, invitationId }: { workspaceSlug: string; invitationId: string }) {
  // Withdrawn or already gone: either way the list is read again.
  const withdraw = useApiMutation({ mutationFn: () => api.delete(`${api.workspace(workspaceSlug)}/invitations/${invitationId}`).catch(() => null) });
  return (
    <Button variant="ghost" size="sm" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
      Withdraw
    </Button>
  );
}
