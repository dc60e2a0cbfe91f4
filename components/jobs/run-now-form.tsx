"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectOption } from "@/components/ui/select";
import { formatHandle, PLATFORM_LABELS } from "@/lib/format";

export interface SnapshotTarget {
  id: string;
  platform: string;
  handle: string;
}

type Scope = "all" | "platform" | "account";

const labelOf = (target: SnapshotTarget) => `${PLATFORM_LABELS[target.platform] ?? target.platform} · ${formatHandle(target.platform, target.handle)}`;

/** "Run now" for all accounts, one platform, or one account. */
export function RunNowForm({ targets, pending, onRun }: { targets: SnapshotTarget[]; pending: boolean; onRun: (body: { platform?: string; accountId?: string }) => void }) {
  const [scope, setScope] = useState<Scope>("all");
  const platforms = [...new Set(targets.map((target) => target.platform))];
  const [platform, setPlatform] = useState(platforms[0] ?? "");
  // Hundreds of accounts: a search box over the list (the browser filters as you type), not a long dropdown.
  const [accountText, setAccountText] = useState("");
  const [missing, setMissing] = useState(false);
  const chosen = targets.find((target) => labelOf(target) === accountText.trim());
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (scope === "account" && !chosen) return setMissing(true);
        onRun(scope === "platform" ? { platform } : scope === "account" && chosen ? { accountId: chosen.id } : {});
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
          <Input
            id="run-account"
            list="run-account-options"
            className="w-72"
            placeholder="Type a handle or a platform"
            value={accountText}
            aria-invalid={missing && !chosen}
            aria-describedby={missing && !chosen ? "run-account-error" : undefined}
            onChange={(event) => {
              setAccountText(event.target.value);
              setMissing(false);
            }}
          />
          <datalist id="run-account-options">
            {targets.map((target) => (
              <option key={target.id} value={labelOf(target)} />
            ))}
          </datalist>
          {missing && !chosen ? (
            <p id="run-account-error" role="alert" className="text-xs text-destructive">
              Pick one of the tracked accounts from the list.
            </p>
          ) : null}
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Starting…" : "Run now"}
      </Button>
    </form>
  );
}
