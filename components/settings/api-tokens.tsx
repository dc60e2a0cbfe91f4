"use client";

import type { FormEvent } from "react";
import { api, type ApiOne } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectOption } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export interface ApiTokenRow {
  id: string;
  name: string;
  role: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedFrom: string | null;
  revokedAt: string | null;
}

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

function status(token: ApiTokenRow): { label: string; live: boolean } {
  if (token.revokedAt) return { label: "Revoked", live: false };
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return { label: "Expired", live: false };
  return { label: "Active", live: true };
}

/** Create a token (shown once, then only its name and use remain) and revoke tokens; admins only. */
export function ApiTokens({ workspaceSlug, tokens }: { workspaceSlug: string; tokens: ApiTokenRow[] }) {
  const base = `${api.workspace(workspaceSlug)}/api-tokens`;
  const create = useApiMutation({
    mutationFn: ({ body }: { body: { name: string; role: string; expiresInDays: number | null }; form: HTMLFormElement }) =>
      api.post<ApiOne<{ token: string; name: string }>>(base, body),
    onSuccess: (_result, { form }) => form.reset(),
  });
  const revoke = useApiMutation({ mutationFn: (id: string) => api.delete(`${base}/${id}`) });
  const error = (create.error ?? revoke.error)?.message ?? null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const days = String(data.get("expires") ?? "");
    create.mutate({ body: { name: String(data.get("name") ?? ""), role: String(data.get("role") ?? "viewer"), expiresInDays: days ? Number(days) : null }, form });
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Create a token</CardTitle>
          <CardDescription>The token is shown once. Only a hash is kept, so it cannot be shown again: revoke it and create another if it is lost.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-3">
          <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
            <div className="grid gap-1">
              <Label htmlFor="token-name">Name</Label>
              <Input id="token-name" name="name" required maxLength={100} className="w-56" placeholder="Looker Studio" />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="token-role">Role</Label>
              <Select id="token-role" name="role" defaultValue="viewer">
                <SelectOption value="viewer">Viewer</SelectOption>
                <SelectOption value="editor">Editor</SelectOption>
              </Select>
            </div>
            <div className="grid gap-1">
              <Label htmlFor="token-expires">Expires after</Label>
              <Select id="token-expires" name="expires" defaultValue="90">
                <SelectOption value="30">30 days</SelectOption>
                <SelectOption value="90">90 days</SelectOption>
                <SelectOption value="365">1 year</SelectOption>
                <SelectOption value="">Never</SelectOption>
              </Select>
            </div>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create token"}
            </Button>
          </form>
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
          {create.data ? (
            <div className="rounded-md border bg-muted/40 p-3 text-sm">
              <p className="font-medium">Token “{create.data.data.name}” — copy it now, it is shown once:</p>
              <code data-testid="api-token-secret" className="block break-all">
                {create.data.data.token}
              </code>
            </div>
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Tokens</CardTitle>
          <CardDescription>Last use is recorded at most once a minute.</CardDescription>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          {tokens.length === 0 ? (
            <p className="text-sm text-muted-foreground">No tokens yet.</p>
          ) : (
            <Table stack>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Role</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Created</TableHead>
                  <TableHead>Expires</TableHead>
                  <TableHead>Last used</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {tokens.map((token) => {
                  const state = status(token);
                  return (
                    <TableRow key={token.id} data-testid="api-token-row">
                      <TableCell>{token.name}</TableCell>
                      <TableCell>
                        <Badge variant="outline">{token.role}</Badge>
                      </TableCell>
                      <TableCell>{state.label}</TableCell>
                      <TableCell>{when(token.createdAt)}</TableCell>
                      <TableCell>{token.expiresAt ? when(token.expiresAt) : "Never"}</TableCell>
                      <TableCell>
                        {when(token.lastUsedAt)}
                        {token.lastUsedFrom ? ` from ${token.lastUsedFrom}` : ""}
                      </TableCell>
                      <TableCell>
                        {state.live ? (
                          <Button
                            variant="ghost"
                            size="sm"
                            disabled={revoke.isPending}
                            onClick={() => {
                              if (window.confirm(`Revoke “${token.name}”? Anything using it stops working at once.`)) revoke.mutate(token.id);
                            }}
                          >
                            Revoke
                          </Button>
                        ) : null}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
