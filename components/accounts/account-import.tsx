"use client";

import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { api, callApi } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatHandle, PLATFORM_LABELS } from "@/lib/format";
import { exportInvalidRows } from "@/lib/csv/export-invalid-rows";
import type { AccountImportPreview, ImportCandidate } from "@/lib/services/accounts/preview-account-import";
import type { ImportResult } from "@/lib/services/accounts/import-accounts";
import { TAG_SEPARATORS_LABEL } from "@/lib/domain/tags";

const SHOWN = 200;

async function upload<T>(url: string, file: File, dryRun: boolean): Promise<T> {
  const body = new FormData();
  body.append("file", file);
  body.append("dryRun", String(dryRun));
  return (await callApi<{ data: T }>(url, { method: "POST", body })).data;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const anchor = Object.assign(document.createElement("a"), { href: url, download: name });
  anchor.click();
  URL.revokeObjectURL(url);
}

const handleText = (row: ImportCandidate) => formatHandle(row.platform, row.handle);

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          {title} <Badge variant="secondary">{count}</Badge>
        </CardTitle>
        {count > SHOWN ? <CardDescription>The first {SHOWN} are shown.</CardDescription> : null}
      </CardHeader>
      <CardContent className="overflow-x-auto">{children}</CardContent>
    </Card>
  );
}

/** Upload → preview (nothing written) → import the valid rows in one go; invalid rows download as a CSV with an error column. */
export function AccountImport({ workspaceSlug }: { workspaceSlug: string }) {
  const url = `${api.workspace(workspaceSlug)}/accounts/import`;
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<AccountImportPreview | null>(null);
  const [result, setResult] = useState<(ImportResult & { duplicates: number; invalid: number }) | null>(null);
  const [noFile, setNoFile] = useState(false);
  const check = useApiMutation({ mutationFn: (chosen: File) => upload<AccountImportPreview>(url, chosen, true), refresh: false, onSuccess: setPreview });
  const commit = useApiMutation({
    mutationFn: (chosen: File) => upload<ImportResult & { duplicates: number; invalid: number }>(url, chosen, false),
    onSuccess: (imported) => {
      setResult(imported);
      setPreview(null);
    },
  });
  const pending = check.isPending || commit.isPending;
  const error = noFile ? "Choose a CSV file first." : ((check.error ?? commit.error)?.message ?? null);

  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNoFile(!file);
    if (!file) return;
    setResult(null);
    setPreview(null);
    commit.reset();
    check.mutate(file);
  }

  function onImport() {
    if (file) commit.mutate(file);
  }

  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle>Upload a CSV</CardTitle>
          <CardDescription>
            Columns: platform, handle or profile URL, display name, organization, tags (separated by {TAG_SEPARATORS_LABEL}), core (yes/no). Header names are
            matched loosely (&quot;network&quot;, &quot;url&quot;, &quot;agency&quot;…); a blank platform is taken from the URL. Up to 5 MB and 20,000
            rows, comma or semicolon separated.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form onSubmit={onPreview} className="flex flex-wrap items-end gap-2">
            <div className="grid gap-1">
              <Label htmlFor="import-file">CSV file</Label>
              <Input
                id="import-file"
                type="file"
                accept=".csv,text/csv,text/plain"
                className="w-80"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setPreview(null);
                  setResult(null);
                }}
              />
            </div>
            <Button type="submit" variant="secondary" disabled={pending || !file}>
              {pending && !preview ? "Checking…" : "Preview"}
            </Button>
          </form>
          {error ? (
            <p role="alert" className="mt-3 text-sm text-destructive">
              {error}
            </p>
          ) : null}
          {result ? (
            <p role="status" className="mt-3 text-sm">
              Imported {result.created} account{result.created === 1 ? "" : "s"}
              {result.duplicates + result.unchanged > 0 ? `; ${result.duplicates + result.unchanged} duplicate(s) skipped` : ""}
              {result.invalid > 0 ? `; ${result.invalid} invalid row(s) skipped` : ""}.{" "}
              <Link className="underline" href={`/${workspaceSlug}/accounts`}>
                Back to accounts
              </Link>
            </p>
          ) : null}
        </CardContent>
      </Card>

      {preview ? (
        <>
          <div className="flex flex-wrap items-center gap-2" data-testid="import-summary">
            <span className="text-sm text-muted-foreground">
              {preview.rowCount} rows: {preview.valid.length} valid, {preview.duplicates.length} duplicate, {preview.invalid.length} invalid.
              {preview.ignoredHeaders.length > 0 ? ` Ignored columns: ${preview.ignoredHeaders.join(", ")}.` : ""}
            </span>
            <Button onClick={onImport} disabled={pending || preview.valid.length === 0}>
              {pending ? "Importing…" : `Import ${preview.valid.length} account${preview.valid.length === 1 ? "" : "s"}`}
            </Button>
            {preview.invalid.length > 0 ? (
              <Button variant="outline" onClick={() => download("invalid-rows.csv", exportInvalidRows(preview))}>
                Download invalid rows
              </Button>
            ) : null}
          </div>
          <Section title="Valid" count={preview.valid.length}>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Row</TableHead>
                  <TableHead>Platform</TableHead>
                  <TableHead>Handle</TableHead>
                  <TableHead>Name</TableHead>
                  <TableHead>Organization</TableHead>
                  <TableHead>Tags</TableHead>
                  <TableHead>Core</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.valid.slice(0, SHOWN).map((row) => (
                  <TableRow key={row.line} data-testid="valid-row">
                    <TableCell className="tabular-nums">{row.line}</TableCell>
                    <TableCell>{PLATFORM_LABELS[row.platform]}</TableCell>
                    <TableCell>{handleText(row)}</TableCell>
                    <TableCell>{row.displayName ?? "—"}</TableCell>
                    <TableCell>{row.organization ?? "—"}</TableCell>
                    <TableCell>{row.tags.join(", ") || "—"}</TableCell>
                    <TableCell>{row.isCore ? "Yes" : "No"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Section>
          {preview.duplicates.length > 0 ? (
            <Section title="Duplicates (skipped)" count={preview.duplicates.length}>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Row</TableHead>
                    <TableHead>Account</TableHead>
                    <TableHead>Why</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {preview.duplicates.slice(0, SHOWN).map((row) => (
                    <TableRow key={row.line} data-testid="duplicate-row">
                      <TableCell className="tabular-nums">{row.line}</TableCell>
                      <TableCell>
                        {PLATFORM_LABELS[row.platform]} · {handleText(row)}
                      </TableCell>
                      <TableCell>{row.kind === "tracked" ? "Already tracked" : `Same account as row ${row.firstLine}`}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Section>
          ) : null}
          {preview.invalid.length > 0 ? (
            <Section title="Invalid (skipped)" count={preview.invalid.length}>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Row</TableHead>
                    <TableHead>Content</TableHead>
                    <TableHead>Reason</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {preview.invalid.slice(0, SHOWN).map((row) => (
                    <TableRow key={row.line} data-testid="invalid-row">
                      <TableCell className="tabular-nums">{row.line}</TableCell>
                      <TableCell className="max-w-xs truncate text-muted-foreground">{row.cells.join(", ")}</TableCell>
                      <TableCell>{row.reason}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
