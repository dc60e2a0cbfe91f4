"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/sign-in" })}
      className="flex w-full items-center gap-2 text-left"
    >
      <LogOut className="size-4" aria-hidden />
      Sign out
    </button>
  );
}
