"use client";

import { api } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";
import { Button } from "@/components/ui/button";
import type { MuteDuration } from "@/lib/domain/notifications";

/** A rule's buttons: turn on or off, mute for a day or a week, delete. */
export function RuleActions({ workspaceSlug, rule }: { workspaceSlug: string; rule: { id: string; name: string; enabled: boolean } }) {
  const url = `${api.workspace(workspaceSlug)}/alerts/rules/${rule.id}`;
  const toggle = useApiMutation({ mutationFn: () => api.patch(url, { enabled: !rule.enabled }) });
  const remove = useApiMutation({ mutationFn: () => api.delete(url) });
  const mute = useApiMutation({ mutationFn: (duration: MuteDuration) => api.post(`${api.workspace(workspaceSlug)}/alerts/mutes`, { ruleId: rule.id, duration }) });
  const error = toggle.error ?? remove.error ?? mute.error;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <Button size="sm" variant="outline" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
        {rule.enabled ? "Disable" : "Enable"}
      </Button>
      <Button size="sm" variant="outline" disabled={mute.isPending} onClick={() => mute.mutate("day")}>
        Mute 1 day
      </Button>
      <Button size="sm" variant="outline" disabled={mute.isPending} onClick={() => mute.mutate("week")}>
        Mute 1 week
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(`Delete ${rule.name} and its alert history?`)) remove.mutate();
        }}
      >
        Delete
      </Button>
      {error ? (
        <p role="alert" className="w-full text-right text-sm text-destructive">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}

/** Mutes one subject of a rule, from the alert history. */
export function MuteSubjectButtons({ workspaceSlug, alert }: { workspaceSlug: string; alert: { ruleId: string; subjectType: string; subjectId: string } }) {
  const mute = useApiMutation({ mutationFn: (duration: MuteDuration) => api.post(`${api.workspace(workspaceSlug)}/alerts/mutes`, { ...alert, duration }) });
  return (
    <div className="flex justify-end gap-1">
      <Button size="sm" variant="ghost" disabled={mute.isPending || mute.isSuccess} onClick={() => mute.mutate("day")}>
        Mute 1 day
      </Button>
      <Button size="sm" variant="ghost" disabled={mute.isPending || mute.isSuccess} onClick={() => mute.mutate("week")}>
        1 week
      </Button>
    </div>
  );
}
