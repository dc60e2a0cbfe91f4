import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading accounts">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-9 w-full max-w-2xl" />
      {Array.from({ length: 10 }, (_, index) => (
        <Skeleton key={index} className="h-12 w-full" />
      ))}
    </div>
  );
}
