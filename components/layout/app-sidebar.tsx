"use client";

import { BarChart3, ChartColumnStacked, Images, LayoutDashboard, ListChecks, Menu, Settings, Trophy, Users, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { cn } from "@/lib/utils";

type AppSidebarProps = {
  workspaceSlug: string;
  workspaceName: string;
  /** Called when a link is followed; the mobile sheet uses it to close itself. */
  onNavigate?: () => void;
};

type NavItem = { label: string; path: string; icon: LucideIcon };

const navItems: NavItem[] = [
  { label: "Overview", path: "", icon: LayoutDashboard },
  { label: "Accounts", path: "/accounts", icon: Users },
  { label: "Posts", path: "/posts", icon: Images },
  { label: "Leaderboards", path: "/leaderboards", icon: Trophy },
  { label: "Trends", path: "/trends", icon: ChartColumnStacked },
  { label: "Jobs", path: "/jobs", icon: ListChecks },
  { label: "Settings", path: "/settings", icon: Settings },
];

function isActive(pathname: string, href: string, exact: boolean) {
  return pathname === href || (!exact && pathname.startsWith(`${href}/`));
}

export function AppSidebar({ workspaceSlug, workspaceName, onNavigate }: AppSidebarProps) {
  const pathname = usePathname();
  const base = `/${workspaceSlug}`;
  return (
    <div data-slot="app-sidebar" className="flex h-full flex-col bg-sidebar text-sidebar-foreground">
      <div
        data-slot="app-sidebar-header"
        className="flex h-14 shrink-0 items-center gap-2 border-b border-sidebar-border px-4"
      >
        <div className="flex size-7 shrink-0 items-center justify-center rounded-md bg-sidebar-primary text-sidebar-primary-foreground">
          <BarChart3 className="size-4" aria-hidden />
        </div>
        <div className="min-w-0 leading-tight">
          <p className="text-sm font-semibold">Reach</p>
          <p className="truncate text-xs text-muted-foreground" title={workspaceName}>
            {workspaceName}
          </p>
        </div>
      </div>
      <nav aria-label="Workspace" className="flex-1 overflow-y-auto p-2">
        <ul className="flex flex-col gap-1">
          {navItems.map(({ label, path, icon: Icon }) => {
            const href = `${base}${path}`;
            const active = isActive(pathname, href, path === "");
            return (
              <li key={label}>
                <Link
                  href={href}
                  onNavigate={onNavigate}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex h-9 items-center gap-2 rounded-md px-3 text-sm font-medium outline-none transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/50",
                    active
                      ? "bg-sidebar-accent text-sidebar-accent-foreground"
                      : "text-sidebar-foreground/80",
                  )}
                >
                  <Icon className="size-4 shrink-0" aria-hidden />
                  {label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}

export function MobileSidebar({ workspaceSlug, workspaceName }: Omit<AppSidebarProps, "onNavigate">) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open navigation">
          <Menu aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-72 max-w-[85vw] gap-0 p-0 [&_[data-slot=app-sidebar-header]]:pr-12">
        <SheetTitle className="sr-only">Navigation</SheetTitle>
        <SheetDescription className="sr-only">Pages of the {workspaceName} workspace</SheetDescription>
        <AppSidebar workspaceSlug={workspaceSlug} workspaceName={workspaceName} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
