"use client";

import { api } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";
import { Button } from "@/components/ui/button";

/** Send test event, turn on or off, delete: one endpoint's buttons. */
export function EndpointActions({ workspaceSlug, resource, endpoint }: { workspaceSlug: string; resource: "webhooks" | "alerts/channels"; endpoint: { id: string; name: string; enabled: boolean } }) {
  const url = `${api.workspace(workspaceSlug)}/${resource}/${endpoint.id}`;
  const test = useApiMutation({ mutationFn: () => api.post(`${url}/test`) });
  const toggle = useApiMutation({ mutationFn: () => api.patch(url, { enabled: !endpoint.enabled }) });
  const remove = useApiMutation({ mutationFn: () => api.delete(url) });
  const error = test.error ?? toggle.error ?? remove.error;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <Button size="sm" variant="outline" disabled={test.isPending || !endpoint.enabled} onClick={() => test.mutate()} aria-label={`Send test event to ${endpoint.name}`}>
        {test.isPending ? "Sending…" : "Send test event"}
      </Button>
      <Button size="sm" variant="outline" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
        {endpoint.enabled ? "Disable" : "Enable"}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(`Delete ${endpoint.name} and its delivery log?`)) remove.mutate();
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
