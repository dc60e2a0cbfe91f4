"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import type { ComponentProps } from "react";

/** Rendered inside a DropdownMenuItem with asChild, so it passes Radix's props to its button. */
export function SignOutButton(props: ComponentProps<"button">) {
  return (
    <button
      type="button"
      {...props}
      onClick={(event) => {
        props.onClick?.(event);
        void signOut({ callbackUrl: "/sign-in" });
      }}
      className="flex w-full items-center gap-2 text-left"
    >
      <LogOut className="size-4" aria-hidden />
      Sign out
    </button>
  );
}
