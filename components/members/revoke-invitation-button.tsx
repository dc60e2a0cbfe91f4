"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { callApi } from "./api-client";

export function RevokeInvitationButton({ workspaceSlug, invitationId }: { workspaceSlug: string; invitationId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await callApi(`/api/v1/workspaces/${workspaceSlug}/invitations/${invitationId}`, { method: "DELETE" }).catch(() => null);
        setPending(false);
        router.refresh();
      }}
    >
      Withdraw
    </Button>
  );
}
