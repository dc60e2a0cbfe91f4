"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "@/components/members/api-client";
import { Button } from "@/components/ui/button";
import type { HeaderMapping } from "@/lib/sheets/header-mapping";
import type { StatusValues } from "@/lib/sheets/status-values";
import { fromDraft, SheetMappingFields, toDraft } from "./sheet-mapping-fields";

export function SheetSourceEditor({ slug, sheetId, headers, mapping, statusValues }: { slug: string; sheetId: string; headers: string[]; mapping: HeaderMapping; statusValues: StatusValues }) {
  const router = useRouter();
  const [draft, setDraft] = useState(toDraft(mapping));
  const [status, setStatus] = useState(statusValues);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await callApi(`/api/v1/workspaces/${slug}/sheets/${sheetId}`, { method: "PATCH", body: { mapping: fromDraft(draft), statusValues: status } });
      setMessage({ ok: true, text: "Saved." });
      router.refresh();
    } catch (caught) {
      setMessage({ ok: false, text: (caught as Error).message });
    }
  }

  async function disconnect() {
    try {
      await callApi(`/api/v1/workspaces/${slug}/sheets/${sheetId}`, { method: "DELETE" });
      router.refresh();
    } catch (caught) {
      setMessage({ ok: false, text: (caught as Error).message });
    }
  }

  return (
    <form onSubmit={save} className="grid gap-4">
      <SheetMappingFields id={sheetId} headers={headers} mapping={draft} onMapping={setDraft} status={status} onStatus={setStatus} />
      <div className="flex items-center gap-3">
        <Button type="submit">Save mapping</Button>
        <Button type="button" variant="outline" onClick={() => void disconnect()}>
          Disconnect
        </Button>
        {message ? (
          <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-muted-foreground" : "text-sm text-destructive"}>
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
