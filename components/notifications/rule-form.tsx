"use client";

import { useState, type FormEvent } from "react";
import { api } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectOption } from "@/components/ui/select";
import { ALERT_RULE_FIELDS, ALERT_RULE_KINDS, ALERT_RULE_LABELS, type AlertRuleKind } from "@/lib/domain/notifications";

/** Adds an alert rule: its kind, its parameters, and the channels it notifies. */
export function RuleForm({ workspaceSlug, channels }: { workspaceSlug: string; channels: { id: string; name: string }[] }) {
  const [kind, setKind] = useState<AlertRuleKind>("followers_change");
  const create = useApiMutation({
    mutationFn: ({ body }: { body: Record<string, unknown>; form: HTMLFormElement }) => api.post(`${api.workspace(workspaceSlug)}/alerts/rules`, body),
    onSuccess: (_result, { form }) => form.reset(),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const params = Object.fromEntries(
      ALERT_RULE_FIELDS[kind].map((field) => {
        const value = String(data.get(field.name) ?? field.defaultValue);
        return [field.name, field.options ? value : Number(value)];
      }),
    );
    create.mutate({ body: { kind, name: String(data.get("name") || ALERT_RULE_LABELS[kind]), params, endpointIds: data.getAll("endpointIds").map(String) }, form });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate data-testid="rule-form">
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid gap-1">
          <Label htmlFor="rule-kind">Rule</Label>
          <Select id="rule-kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value as AlertRuleKind)}>
            {ALERT_RULE_KINDS.map((value) => (
              <SelectOption key={value} value={value}>
                {ALERT_RULE_LABELS[value]}
              </SelectOption>
            ))}
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="rule-name">Name</Label>
          <Input id="rule-name" name="name" maxLength={80} placeholder={ALERT_RULE_LABELS[kind]} className="w-56" />
        </div>
        {ALERT_RULE_FIELDS[kind].map((field) => (
          <div key={`${kind}-${field.name}`} className="grid gap-1">
            <Label htmlFor={`rule-${field.name}`}>{field.label}</Label>
            {field.options ? (
              <Select id={`rule-${field.name}`} name={field.name} defaultValue={field.defaultValue}>
                {field.options.map((option) => (
                  <SelectOption key={option} value={option}>
                    {option}
                  </SelectOption>
                ))}
              </Select>
            ) : (
              <Input id={`rule-${field.name}`} name={field.name} type="number" step="any" min="0" defaultValue={field.defaultValue} className="w-28" />
            )}
          </div>
        ))}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add rule"}
        </Button>
      </div>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 text-muted-foreground">Notify</legend>
        {channels.length === 0 ? <span className="text-muted-foreground">No channels yet: the rule&apos;s alerts show in the history only.</span> : null}
        {channels.map((channel) => (
          <label key={channel.id} className="flex items-center gap-1">
            <input type="checkbox" name="endpointIds" value={channel.id} defaultChecked /> {channel.name}
          </label>
        ))}
      </fieldset>
      {create.error ? (
        <p role="alert" className="text-sm text-destructive">
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}
