import Link from "next/link";

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const linkClass = "rounded-md border px-3 py-1.5 text-sm hover:bg-accent aria-disabled:pointer-events-none aria-disabled:opacity-50";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-2">
      <Link className={linkClass} href={hrefFor(page - 1)} aria-disabled={page <= 1}>
        Previous
      </Link>
      <span className="text-sm text-muted-foreground">
        Page {page} of {pageCount}
      </span>
      <Link className={linkClass} href={hrefFor(page + 1)} aria-disabled={page >= pageCount}>
        Next
      </Link>
    </nav>
  );
}
