import Link from "next/link";
import { Check, ChevronsUpDown } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export interface WorkspaceOption {
  slug: string;
  name: string;
  role: string;
}

/** The header's workspace name; a menu of the user's other workspaces when there are any. */
export function WorkspaceSwitcher({ current, workspaces }: { current: WorkspaceOption; workspaces: WorkspaceOption[] }) {
  if (workspaces.length <= 1) {
    return (
      <p className="min-w-0 flex-1 truncate text-sm font-semibold" title={current.name}>
        {current.name}
      </p>
    );
  }
  return (
    <div className="min-w-0 flex-1">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" className="max-w-full gap-1 px-2 font-semibold" aria-label="Switch workspace">
            <span className="truncate">{current.name}</span>
            <ChevronsUpDown className="size-4 shrink-0 opacity-60" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-64 max-w-[calc(100vw-1rem)]">
          <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">Workspaces</DropdownMenuLabel>
          <DropdownMenuSeparator />
          {workspaces.map((workspace) => (
            <DropdownMenuItem key={workspace.slug} asChild>
              <Link href={`/${workspace.slug}`} className="flex items-center justify-between gap-2">
                <span className="truncate">{workspace.name}</span>
                <span className="flex items-center gap-1 text-xs text-muted-foreground">
                  {workspace.role}
                  {workspace.slug === current.slug ? <Check className="size-4" aria-label="current" /> : null}
                </span>
              </Link>
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
