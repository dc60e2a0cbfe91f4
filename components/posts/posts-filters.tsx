"use client";

import { Search, X } from "lucide-react";
import { useEffect, useState } from "react";
import { useUrlParams } from "@/components/tables/core/use-url-params";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectOption } from "@/components/ui/select";
import { POST_FILTER_PARAMS, POST_TYPES } from "@/lib/domain/posts-explorer";
import { POST_STATUSES } from "@/lib/domain/statuses";
import type { PostFilterOptions } from "@/lib/services/posts/list-post-filter-options";

const SEARCH_DEBOUNCE_MS = 300;

const capitalized = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

function FilterSelect({ id, label, value, options, onChange, display = (option) => option }: { id: string; label: string; value: string; options: readonly string[]; onChange: (value: string) => void; display?: (option: string) => string }) {
  return (
    <div className="grid gap-1">
      <Label htmlFor={id} className="text-xs">
        {label}
      </Label>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value)} className="w-full min-w-28 sm:w-auto">
        <SelectOption value="">All</SelectOption>
        {options.map((option) => (
          <SelectOption key={option} value={option}>
            {display(option)}
          </SelectOption>
        ))}
      </Select>
    </div>
  );
}

/** Every filter writes to the URL; the search box waits for a pause in typing before it does. */
export function PostsFilters({ options }: { options: PostFilterOptions }) {
  const [params, set] = useUrlParams();
  const urlQuery = params.get("q") ?? "";
  const [query, setQuery] = useState(urlQuery);
  const [seen, setSeen] = useState(urlQuery);
  // The URL changed under us (back button, clear): the box follows it.
  if (urlQuery !== seen) {
    setSeen(urlQuery);
    setQuery(urlQuery);
  }
  useEffect(() => {
    if (query.trim() === urlQuery) return;
    const timer = setTimeout(() => set({ q: query.trim() }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, set, urlQuery]);

  const value = (key: string) => params.get(key) ?? "";
  const filtered = POST_FILTER_PARAMS.some((key) => params.has(key));
  return (
    <div className="grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap">
      <div className="col-span-2 grid gap-1 sm:min-w-56">
        <Label htmlFor="posts-search" className="text-xs">
          Search caption and hashtags
        </Label>
        <div className="relative">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input id="posts-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="#skincare, morning…" className="pl-8" maxLength={100} />
        </div>
      </div>
      <FilterSelect id="posts-va" label="VA" value={value("va")} options={options.vas} onChange={(va) => set({ va })} />
      <FilterSelect id="posts-creator" label="Creator" value={value("creator")} options={options.creators} onChange={(creator) => set({ creator })} />
      <FilterSelect id="posts-set" label="Set" value={value("set")} options={options.sets} onChange={(next) => set({ set: next })} />
      <FilterSelect id="posts-type" label="Type" value={value("type")} options={POST_TYPES} display={capitalized} onChange={(type) => set({ type })} />
      <FilterSelect id="posts-status" label="Status" value={value("status")} options={POST_STATUSES} display={capitalized} onChange={(status) => set({ status })} />
      <div className="grid gap-1">
        <Label htmlFor="posts-from" className="text-xs">
          Posted from
        </Label>
        <Input id="posts-from" type="date" value={value("from")} onChange={(event) => set({ from: event.target.value })} className="w-full sm:w-40" />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="posts-to" className="text-xs">
          Posted to
        </Label>
        <Input id="posts-to" type="date" value={value("to")} onChange={(event) => set({ to: event.target.value })} className="w-full sm:w-40" />
      </div>
      {filtered ? (
        <Button variant="ghost" size="sm" onClick={() => set(Object.fromEntries(POST_FILTER_PARAMS.map((key) => [key, null])))}>
          <X aria-hidden /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}
