"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "@/components/members/api-client";
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
  const router = useRouter();
  const [url, setUrl] = useState("");
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<MappingDraft>(toDraft({}));
  const [status, setStatus] = useState<StatusValues>({ ...DEFAULT_STATUS_VALUES });
  const [name, setName] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function test(tab?: string) {
    setBusy(true);
    setMessage(null);
    try {
      const { data } = await callApi<{ data: Inspection }>(`/api/v1/workspaces/${slug}/sheets/test`, { method: "POST", body: { url, tab } });
      setInspection(data);
      setMapping(toDraft(data.detected));
      setName(data.title);
      setMessage(data.detected.url ? { ok: true, text: `Opened "${data.title}". Check the mapping, then connect.` } : { ok: false, text: "No post URL column was recognised: choose it below." });
    } catch (caught) {
      setInspection(null);
      setMessage({ ok: false, text: (caught as Error).message });
    } finally {
      setBusy(false);
    }
  }

  async function connect(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!inspection) return;
    setBusy(true);
    try {
      await callApi(`/api/v1/workspaces/${slug}/sheets`, { method: "POST", body: { url: inspection.spreadsheetId, tab: inspection.tab, name, mapping: fromDraft(mapping), statusValues: status } });
      setMessage({ ok: true, text: `Connected "${name}" (${inspection.tab}).` });
      setInspection(null);
      setUrl("");
      router.refresh();
    } catch (caught) {
      setMessage({ ok: false, text: (caught as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="grid gap-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void test();
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
              <Select id="sheet-tab" value={inspection.tab} onChange={(event) => void test(event.target.value)}>
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
