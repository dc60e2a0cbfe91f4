import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder rows while the first page loads, at the table's row height. */
export function TableSkeleton({ rows = 8, rowHeight }: { rows?: number; rowHeight: number }) {
  return (
    <div className="space-y-2 p-3" aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, (_, n) => (
        <Skeleton key={n} className="w-full" style={{ height: rowHeight - 8 }} />
      ))}
    </div>
  );
}
