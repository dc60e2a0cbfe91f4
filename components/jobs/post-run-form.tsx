"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectOption } from "@/components/ui/select";

export interface SheetTarget {
  id: string;
  label: string;
}

/** "Scrape TikTok posts": the whole pipeline over every connected sheet, or over one. */
export function PostRunForm({ sheets, pending, onRun }: { sheets: SheetTarget[]; pending: boolean; onRun: (body: { kind: "posts.pipeline"; sheetSourceId?: string }) => void }) {
  const [sheetSourceId, setSheetSourceId] = useState("");
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        onRun(sheetSourceId ? { kind: "posts.pipeline", sheetSourceId } : { kind: "posts.pipeline" });
      }}
    >
      {sheets.length > 0 ? (
        <div className="space-y-1">
          <Label htmlFor="run-sheet">Posts</Label>
          <Select id="run-sheet" value={sheetSourceId} onChange={(event) => setSheetSourceId(event.target.value)} className="max-w-72">
            <SelectOption value="">All posts and sheets</SelectOption>
            {sheets.map((sheet) => (
              <SelectOption key={sheet.id} value={sheet.id}>
                {sheet.label}
              </SelectOption>
            ))}
          </Select>
        </div>
      ) : null}
      <Button type="submit" variant="outline" disabled={pending}>
        Scrape TikTok posts
      </Button>
    </form>
  );
}
