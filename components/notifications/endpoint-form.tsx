"use client";

import type { FormEvent } from "react";
import { api } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectOption } from "@/components/ui/select";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/domain/notifications";

/** Adds a webhook endpoint (`webhooks`) or an alert channel (`alerts/channels`); a webhook's secret is shown once. */
export function EndpointForm({ workspaceSlug, resource }: { workspaceSlug: string; resource: "webhooks" | "alerts/channels" }) {
  const isWebhook = resource === "webhooks";
  const create = useApiMutation({
    mutationFn: ({ body }: { body: Record<string, unknown>; form: HTMLFormElement }) =>
      api.post<{ data: { name: string; secret: string | null } }>(`${api.workspace(workspaceSlug)}/${resource}`, body),
    onSuccess: (_result, { form }) => form.reset(),
  });
  const secret = create.data?.data.secret ?? null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body: Record<string, unknown> = { name: String(data.get("name") ?? ""), target: String(data.get("target") ?? "") };
    if (isWebhook) body.events = data.getAll("events").map(String);
    else {
      body.kind = String(data.get("kind") ?? "slack");
      body.digest = data.get("digest") === "on";
    }
    create.mutate({ body, form });
  }

  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} className="grid gap-3" noValidate data-testid={`${isWebhook ? "webhook" : "channel"}-form`}>
        <div className="flex flex-wrap items-end gap-2">
          {isWebhook ? null : (
            <div className="grid gap-1">
              <Label htmlFor="endpoint-kind">Channel</Label>
              <Select id="endpoint-kind" name="kind" defaultValue="slack">
                <SelectOption value="slack">Slack incoming webhook</SelectOption>
                <SelectOption value="email">Email</SelectOption>
                <SelectOption value="webhook">Webhook (signed)</SelectOption>
              </Select>
            </div>
          )}
          <div className="grid gap-1">
            <Label htmlFor="endpoint-name">Name</Label>
            <Input id="endpoint-name" name="name" required maxLength={80} className="w-48" />
          </div>
          <div className="grid w-full gap-1 sm:w-auto">
            <Label htmlFor="endpoint-target">{isWebhook ? "URL" : "URL or email address"}</Label>
            <Input id="endpoint-target" name="target" required maxLength={2000} className="w-full sm:w-96" placeholder={isWebhook ? "https://example.org/reach-webhook" : "https://hooks.slack.com/services/…"} />
          </div>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add"}
          </Button>
        </div>
        {isWebhook ? (
          <fieldset className="flex flex-wrap gap-4 text-sm">
            <legend className="mb-1 text-muted-foreground">Events</legend>
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-1">
                <input type="checkbox" name="events" value={type} defaultChecked /> {WEBHOOK_EVENT_LABELS[type]}
              </label>
            ))}
          </fieldset>
        ) : (
          <label className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="digest" /> Send one daily digest instead of each alert
          </label>
        )}
      </form>
      {create.error ? (
        <p role="alert" className="text-sm text-destructive">
          {create.error.message}
        </p>
      ) : null}
      {secret ? (
        <div className="rounded-md border bg-muted/40 p-3 text-sm">
          <p className="font-medium">Signing secret — shown once; verify each delivery&apos;s webhook-signature with it:</p>
          <code data-testid="webhook-secret" className="block break-all">
            {secret}
          </code>
        </div>
      ) : null}
    </div>
  );
}
