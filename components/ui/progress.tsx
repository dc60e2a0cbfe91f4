import type * as React from "react";

import { cn } from "@/lib/utils";

function Progress({
  className,
  value,
  max = 100,
  ...props
}: Omit<React.ComponentProps<"div">, "children"> & { value?: number | null; max?: number }) {
  const known = typeof value === "number" && Number.isFinite(value);
  const clamped = known ? Math.min(Math.max(value, 0), max) : 0;
  return (
    <div
      data-slot="progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={known ? clamped : undefined}
      data-state={!known ? "indeterminate" : clamped >= max ? "complete" : "loading"}
      className={cn("relative h-2 w-full overflow-hidden rounded-full bg-primary/20", className)}
      {...props}
    >
      <div
        data-slot="progress-indicator"
        className="h-full w-full flex-1 bg-primary transition-all"
        style={{ transform: `translateX(-${100 - (clamped / max) * 100}%)` }}
      />
    </div>
  );
}

export { Progress };
