"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectOption } from "@/components/ui/select";
import { PLATFORM_LABELS } from "@/lib/format";

export interface SnapshotTarget {
  id: string;
  platform: string;
  handle: string;
}

type Scope = "all" | "platform" | "account";

/** "Run now" for all accounts, one platform, or one account. */
export function RunNowForm({ targets, pending, onRun }: { targets: SnapshotTarget[]; pending: boolean; onRun: (body: { platform?: string; accountId?: string }) => void }) {
  const [scope, setScope] = useState<Scope>("all");
  const platforms = [...new Set(targets.map((target) => target.platform))];
  const [platform, setPlatform] = useState(platforms[0] ?? "");
  const [accountId, setAccountId] = useState(targets[0]?.id ?? "");
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        onRun(scope === "platform" ? { platform } : scope === "account" ? { accountId } : {});
      }}
    >
      <div className="space-y-1">
        <Label htmlFor="run-scope">Accounts</Label>
        <Select id="run-scope" value={scope} onChange={(event) => setScope(event.target.value as Scope)}>
          <SelectOption value="all">All active accounts</SelectOption>
          <SelectOption value="platform">One platform</SelectOption>
          <SelectOption value="account">One account</SelectOption>
        </Select>
      </div>
      {scope === "platform" ? (
        <div className="space-y-1">
          <Label htmlFor="run-platform">Platform</Label>
          <Select id="run-platform" value={platform} onChange={(event) => setPlatform(event.target.value)}>
            {platforms.map((value) => (
              <SelectOption key={value} value={value}>
                {PLATFORM_LABELS[value] ?? value}
              </SelectOption>
            ))}
          </Select>
        </div>
      ) : null}
      {scope === "account" ? (
        <div className="space-y-1">
          <Label htmlFor="run-account">Account</Label>
          <Select id="run-account" value={accountId} onChange={(event) => setAccountId(event.target.value)} className="max-w-72">
            {targets.map((target) => (
              <SelectOption key={target.id} value={target.id}>
                {PLATFORM_LABELS[target.platform] ?? target.platform} · {target.handle}
              </SelectOption>
            ))}
          </Select>
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Starting…" : "Run now"}
      </Button>
    </form>
  );
}
