import Link from "next/link";
import type * as React from "react";

import { AppSidebar, MobileSidebar } from "@/components/layout/app-sidebar";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { WorkspaceSwitcher, type WorkspaceOption } from "@/components/layout/workspace-switcher";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

type AppShellProps = {
  workspaceSlug: string;
  workspaceName: string;
  user: { email: string; role: string };
  /** Every workspace the user belongs to, for the switcher. */
  workspaces?: WorkspaceOption[];
  /** Rendered as the menu's last item through asChild, so it must spread the props it receives. */
  signOutSlot?: React.ReactNode;
  children: React.ReactNode;
};

export function AppShell({ workspaceSlug, workspaceName, user, workspaces = [], signOutSlot, children }: AppShellProps) {
  return (
    <div className="min-h-svh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-[60] focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:text-sm focus:shadow-md focus:ring-[3px] focus:ring-ring/50"
      >
        Skip to content
      </a>
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-60 border-r border-sidebar-border md:block">
        <AppSidebar workspaceSlug={workspaceSlug} workspaceName={workspaceName} />
      </aside>
      <div className="flex min-h-svh min-w-0 flex-col md:pl-60">
        <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/80 sm:px-4 md:px-6">
          <MobileSidebar workspaceSlug={workspaceSlug} workspaceName={workspaceName} />
          <WorkspaceSwitcher current={{ slug: workspaceSlug, name: workspaceName, role: user.role }} workspaces={workspaces} />
          <ThemeToggle />
          <UserMenu user={user} signOutSlot={signOutSlot} />
        </header>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 outline-none md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}

function UserMenu({ user, signOutSlot }: Pick<AppShellProps, "user" | "signOutSlot">) {
  const initial = user.email.charAt(0).toUpperCase() || "?";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="rounded-full" aria-label="Open user menu">
          <Avatar>
            <AvatarFallback className="text-xs font-medium">{initial}</AvatarFallback>
          </Avatar>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60 max-w-[calc(100vw-1rem)]">
        <DropdownMenuLabel className="flex flex-col gap-1.5 font-normal">
          <span className="text-xs text-muted-foreground">Signed in as</span>
          <span className="truncate text-sm font-medium" title={user.email}>
            {user.email || "Unknown user"}
          </span>
          <Badge variant="secondary" className="capitalize">
            {user.role}
          </Badge>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">Your account</Link>
        </DropdownMenuItem>
        {signOutSlot ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem asChild>{signOutSlot}</DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
