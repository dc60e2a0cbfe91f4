"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * Filters and sorts live in the URL, so every view can be linked and survives a reload. A patch
 * sets or clears params (null or "" clears) and replaces the history entry; the page scrolls not.
 */
export function useUrlParams() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = useCallback(
    (patch: Record<string, string | null | undefined>) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      const search = next.toString();
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  return [params, set] as const;
}

/** The sort in the URL (?sort=views&dir=asc), with the view's default when absent. */
export function useUrlSort(defaults: { sort: string; dir: "asc" | "desc" }) {
  const [params, set] = useUrlParams();
  const sort = params.get("sort") ?? defaults.sort;
  const dir = params.get("dir") === "asc" ? "asc" : params.get("dir") === "desc" ? "desc" : defaults.dir;
  const setSort = useCallback(
    (next: { sort: string; dir: "asc" | "desc" }) =>
      set({ sort: next.sort === defaults.sort && next.dir === defaults.dir ? null : next.sort, dir: next.sort === defaults.sort && next.dir === defaults.dir ? null : next.dir }),
    [defaults.dir, defaults.sort, set],
  );
  return { sort, dir, setSort } as const;
}
