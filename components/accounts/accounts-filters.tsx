import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PLATFORMS } from "@/lib/domain/platforms";
import { PLATFORM_LABELS } from "@/lib/format";
import type { ListAccountsQuery } from "@/lib/services/accounts/list-accounts";

const selectClass =
  "h-9 rounded-md border border-input bg-transparent px-3 text-sm shadow-xs focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50";

/** A plain GET form: filters live in the URL, so they survive reloads and can be shared. */
export function AccountsFilters({ query }: { query: ListAccountsQuery }) {
  return (
    <form className="flex flex-wrap items-end gap-2" method="get" role="search">
      <Input name="q" defaultValue={query.q ?? ""} placeholder="Search handle, name, organization" aria-label="Search" className="w-full sm:w-64" maxLength={100} />
      <select name="platform" defaultValue={query.platform ?? ""} aria-label="Platform" className={selectClass}>
        <option value="">All platforms</option>
        {PLATFORMS.map((platform) => (
          <option key={platform} value={platform}>
            {PLATFORM_LABELS[platform]}
          </option>
        ))}
      </select>
      <select name="health" defaultValue={query.health ?? ""} aria-label="Health" className={selectClass}>
        <option value="">Any health</option>
        <option value="failing">Failing</option>
        <option value="never_scraped">Never scraped</option>
      </select>
      <select name="sort" defaultValue={query.sort} aria-label="Sort" className={selectClass}>
        <option value="change_7d">7-day change</option>
        <option value="change_30d">30-day change</option>
        <option value="followers">Followers</option>
        <option value="handle">Handle</option>
      </select>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </form>
  );
}
