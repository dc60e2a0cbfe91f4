"use client";

import { useState, type FormEvent } from "react";
import { api } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { HeaderMapping } from "@/lib/sheets/header-mapping";
import { DEFAULT_STATUS_VALUES } from "@/lib/domain/sheet-fields";
import type { StatusValues } from "@/lib/sheets/status-values";
import { fromDraft, SheetMappingFields, toDraft, type MappingDraft } from "./sheet-mapping-fields";

interface Inspection {
  spreadsheetId: string;
  title: string;
  tab: string;
  tabs: string[];
  headers: string[];
  detected: HeaderMapping;
}

export function SheetConnectForm({ slug }: { slug: string }) {
  const [url, setUrl] = useState("");
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<MappingDraft>(toDraft({}));
  const [status, setStatus] = useState<StatusValues>({ ...DEFAULT_STATUS_VALUES });
  const [name, setName] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const inspect = useApiMutation({
    mutationFn: (tab?: string) => api.post<{ data: Inspection }>(`${api.workspace(slug)}/sheets/test`, { url, tab }),
    refresh: false,
    onMutate: () => setMessage(null),
    onSuccess: ({ data }) => {
      setInspection(data);
      setMapping(toDraft(data.detected));
      setName(data.title);
      setMessage(data.detected.url ? { ok: true, text: `Opened "${data.title}". Check the mapping, then connect.` } : { ok: false, text: "No post URL column was recognised: choose it below." });
    },
    onError: (failure) => {
      setInspection(null);
      setMessage({ ok: false, text: failure.message });
    },
  });
  const add = useApiMutation({
    mutationFn: (chosen: Inspection) =>
      api.post(`${api.workspace(slug)}/sheets`, { url: chosen.spreadsheetId, tab: chosen.tab, name, mapping: fromDraft(mapping), statusValues: status }),
    onSuccess: (_result, chosen) => {
      setMessage({ ok: true, text: `Connected "${name}" (${chosen.tab}).` });
      setInspection(null);
      setUrl("");
    },
    onError: (failure) => setMessage({ ok: false, text: failure.message }),
  });
  const busy = inspect.isPending || add.isPending;
  const test = (tab?: string) => inspect.mutate(tab);

  function connect(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inspection) add.mutate(inspection);
  }

  return (
    <div className="grid gap-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          test();
        }}
      >
        <div className="grid min-w-72 flex-1 gap-1">
          <Label htmlFor="sheet-url">Sheet link or ID</Label>
          <Input id="sheet-url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://docs.google.com/spreadsheets/d/…" maxLength={2048} required />
        </div>
        <Button type="submit" variant="outline" disabled={busy}>
          Test access
        </Button>
      </form>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-muted-foreground" : "text-sm text-destructive"}>
          {message.text}
        </p>
      ) : null}
      {inspection ? (
        <form onSubmit={connect} className="grid gap-4 rounded-md border p-4">
          <div className="flex flex-wrap gap-3">
            <div className="grid gap-1">
              <Label htmlFor="sheet-tab">Tab</Label>
              <Select id="sheet-tab" value={inspection.tab} onChange={(event) => test(event.target.value)}>
                {inspection.tabs.map((tab) => (
                  <option key={tab} value={tab}>
                    {tab}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid min-w-64 gap-1">
              <Label htmlFor="sheet-name">Name in Reach</Label>
              <Input id="sheet-name" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
            </div>
          </div>
          <p className="text-sm text-muted-foreground" data-testid="sheet-headers">
            Row 1: {inspection.headers.filter(Boolean).join(" · ") || "(empty)"}
          </p>
          <SheetMappingFields id="connect" headers={inspection.headers} mapping={mapping} onMapping={setMapping} status={status} onStatus={setStatus} />
          <div>
            <Button type="submit" disabled={busy || !mapping.url || !mapping.status}>
              Connect sheet
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
