"use client";

import { useState, type FormEvent } from "react";
import { api } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";
import { Button } from "@/components/ui/button";
import type { HeaderMapping } from "@/lib/sheets/header-mapping";
import type { StatusValues } from "@/lib/sheets/status-values";
import { fromDraft, SheetMappingFields, toDraft } from "./sheet-mapping-fields";

export function SheetSourceEditor({ slug, sheetId, headers, mapping, statusValues }: { slug: string; sheetId: string; headers: string[]; mapping: HeaderMapping; statusValues: StatusValues }) {
  const [draft, setDraft] = useState(toDraft(mapping));
  const [status, setStatus] = useState(statusValues);
  const url = `${api.workspace(slug)}/sheets/${sheetId}`;
  const update = useApiMutation({ mutationFn: () => api.patch(url, { mapping: fromDraft(draft), statusValues: status }) });
  const disconnect = useApiMutation({ mutationFn: () => api.delete(url) });
  const failure = (update.error ?? disconnect.error)?.message;
  const message = failure ? { ok: false, text: failure } : update.isSuccess ? { ok: true, text: "Saved." } : null;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    disconnect.reset();
    update.mutate();
  }

  return (
    <form onSubmit={save} className="grid gap-4">
      <SheetMappingFields id={sheetId} headers={headers} mapping={draft} onMapping={setDraft} status={status} onStatus={setStatus} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={update.isPending}>
          Save mapping
        </Button>
        <Button type="button" variant="outline" disabled={disconnect.isPending} onClick={() => disconnect.mutate()}>
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
