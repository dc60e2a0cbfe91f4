"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { Select, SelectOption } from "@/components/ui/select";
import { api } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";
import { PLATFORMS } from "@/lib/domain/platforms";
import { PLATFORM_LABELS } from "@/lib/format";

/** One account by platform and handle or profile URL; the server normalizes it as the import does. */
export function AddAccountDialog({ workspaceSlug }: { workspaceSlug: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const add = useApiMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<{ data: { id: string } }>(`${api.workspace(workspaceSlug)}/accounts`, body),
    refresh: false,
    onSuccess: (created) => {
      setOpen(false);
      router.push(`/${workspaceSlug}/accounts/${created.data.id}`);
    },
  });
  const pending = add.isPending;
  const error = add.error?.message ?? null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const platform = String(data.get("platform") ?? "");
    add.mutate({
      ...(platform ? { platform } : {}),
      handle: String(data.get("handle") ?? ""),
      displayName: String(data.get("displayName") ?? ""),
      organization: String(data.get("organization") ?? ""),
      isCore: data.get("isCore") === "on",
    });
  }

  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="outline">Add account</Button>
      </SheetTrigger>
      <SheetContent>
        <SheetHeader>
          <SheetTitle>Add an account</SheetTitle>
          <SheetDescription>A handle, @handle or profile URL. With a URL the platform can stay on “from the URL”.</SheetDescription>
        </SheetHeader>
        <form onSubmit={onSubmit} className="grid gap-3 px-4">
          <div className="grid gap-1">
            <Label htmlFor="add-platform">Platform</Label>
            <Select id="add-platform" name="platform" defaultValue="">
              <SelectOption value="">From the URL</SelectOption>
              {PLATFORMS.map((platform) => (
                <SelectOption key={platform} value={platform}>
                  {PLATFORM_LABELS[platform]}
                </SelectOption>
              ))}
            </Select>
          </div>
          <div className="grid gap-1">
            <Label htmlFor="add-handle">Handle or profile URL</Label>
            <Input id="add-handle" name="handle" required maxLength={300} />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="add-name">Display name</Label>
            <Input id="add-name" name="displayName" maxLength={200} />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="add-organization">Organization</Label>
            <Input id="add-organization" name="organization" maxLength={200} />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="isCore" className="size-4" />
            Core account
          </label>
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add account"}
          </Button>
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
        </form>
      </SheetContent>
    </Sheet>
  );
}
