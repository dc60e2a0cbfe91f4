import { ChevronDownIcon } from "lucide-react";
import type * as React from "react";

import { cn } from "@/lib/utils";

// A styled native <select>: it works without JavaScript inside GET forms and uses the phone's own picker.
function Select({ className, ...props }: React.ComponentProps<"select">) {
  return (
    <div data-slot="select-wrapper" className="relative w-fit has-[select:disabled]:opacity-50">
      <select
        data-slot="select"
        className={cn(
          "h-9 w-full min-w-0 appearance-none rounded-md border border-input bg-transparent py-2 pl-3 pr-9 text-sm shadow-xs outline-none transition-[color,box-shadow] disabled:pointer-events-none disabled:cursor-not-allowed dark:bg-input/30 [&_option]:bg-popover [&_option]:text-popover-foreground",
          "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50",
          "aria-invalid:border-destructive aria-invalid:ring-destructive/20 dark:aria-invalid:ring-destructive/40",
          className,
        )}
        {...props}
      />
      <ChevronDownIcon
        className="pointer-events-none absolute right-3 top-1/2 size-4 -translate-y-1/2 select-none text-muted-foreground opacity-50"
        aria-hidden
      />
    </div>
  );
}

function SelectOption(props: React.ComponentProps<"option">) {
  return <option data-slot="select-option" {...props} />;
}

export { Select, SelectOption };
