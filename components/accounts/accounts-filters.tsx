import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectOption } from "@/components/ui/select";
import { PLATFORMS } from "@/lib/domain/platforms";
import { PLATFORM_LABELS } from "@/lib/format";
import type { ListAccountsQuery } from "@/lib/services/accounts/list-accounts";

/** A plain GET form: filters live in the URL, so they survive reloads and can be shared. */
export function AccountsFilters({ query, facets }: { query: ListAccountsQuery; facets: { tags: string[]; organizations: string[] } }) {
  return (
    <form className="flex flex-wrap items-end gap-2" method="get" role="search">
      <Input name="q" defaultValue={query.q ?? ""} placeholder="Search handle, name, organization" aria-label="Search" className="w-full sm:w-64" maxLength={100} />
      <Select name="platform" defaultValue={query.platform ?? ""} aria-label="Platform">
        <SelectOption value="">All platforms</SelectOption>
        {PLATFORMS.map((platform) => (
          <SelectOption key={platform} value={platform}>
            {PLATFORM_LABELS[platform]}
          </SelectOption>
        ))}
      </Select>
      <Select name="health" defaultValue={query.health ?? ""} aria-label="Health">
        <SelectOption value="">Any health</SelectOption>
        <SelectOption value="failing">Failing</SelectOption>
        <SelectOption value="stale">Stale (no snapshot for 2+ days)</SelectOption>
        <SelectOption value="never_scraped">Never scraped</SelectOption>
      </Select>
      <Select name="tag" defaultValue={query.tag ?? ""} aria-label="Tag">
        <SelectOption value="">Any tag</SelectOption>
        {facets.tags.map((tag) => (
          <SelectOption key={tag} value={tag}>
            {tag}
          </SelectOption>
        ))}
      </Select>
      <Select name="organization" defaultValue={query.organization ?? ""} aria-label="Organization" className="max-w-56">
        <SelectOption value="">Any organization</SelectOption>
        {facets.organizations.map((organization) => (
          <SelectOption key={organization} value={organization}>
            {organization}
          </SelectOption>
        ))}
      </Select>
      <Select name="core" defaultValue={query.core ?? ""} aria-label="Core">
        <SelectOption value="">Core or not</SelectOption>
        <SelectOption value="only">Core only</SelectOption>
        <SelectOption value="not">Not core</SelectOption>
      </Select>
      <Select name="show" defaultValue={query.show} aria-label="Which accounts">
        <SelectOption value="all">All accounts</SelectOption>
        <SelectOption value="active">Active</SelectOption>
        <SelectOption value="paused">Paused</SelectOption>
      </Select>
      <Select name="group" defaultValue={query.group ?? ""} aria-label="Group by">
        <SelectOption value="">No grouping</SelectOption>
        <SelectOption value="org">Group by organization</SelectOption>
        <SelectOption value="tag">Group by tag</SelectOption>
      </Select>
      {/* The grid's column headers set the sort; applying filters keeps it. */}
      {query.sort !== "change_7d" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </form>
  );
}
