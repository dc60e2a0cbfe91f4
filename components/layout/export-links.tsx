import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Download links for the current view as CSV and XLSX: `href` is the export route, `search` the view's filters. */
export function ExportLinks({ href, search, testId = "export" }: { href: string; search: URLSearchParams; testId?: string }) {
  const link = (format: "csv" | "xlsx") => `${href}?${new URLSearchParams([...search.entries(), ["format", format]]).toString()}`;
  return (
    <div className="flex gap-2">
      <Button asChild variant="outline">
        <a href={link("csv")} download data-testid={`${testId}-csv`}>
          <Download aria-hidden className="size-4" />
          Export CSV
        </a>
      </Button>
      <Button asChild variant="outline">
        <a href={link("xlsx")} download data-testid={`${testId}-xlsx`}>
          <Download aria-hidden className="size-4" />
          Export XLSX
        </a>
      </Button>
    </div>
  );
}
