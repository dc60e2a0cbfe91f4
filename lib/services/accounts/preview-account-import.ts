import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { CsvTable } from "@/lib/csv/read-csv";
import type { Db } from "@/lib/db/client";
import { accounts } from "@/lib/db/schema";
import type { Platform } from "@/lib/domain/platforms";
import { AppError } from "@/lib/errors";
import { optionalText } from "@/lib/input-fields";
import { resolveAccountIdentity } from "./account-identity";
import { splitTags } from "@/lib/domain/tags";

export const IMPORT_COLUMNS = ["platform", "handle", "displayName", "organization", "tags", "core"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Accepted header names, best first, compared after lowercasing and turning spaces and dashes into "_". */
export const COLUMN_SYNONYMS: Record<ImportColumn, string[]> = {
  platform: ["platform", "network", "site", "social_network"],
  handle: ["handle", "url", "profile", "profile_url", "account", "username", "user_name", "link"],
  displayName: ["display_name", "name", "displayname", "account_name"],
  organization: ["organization", "organisation", "org", "agency", "department"],
  tags: ["tags", "labels", "tag", "label"],
  core: ["core", "is_core", "flagship"],
};

const normalizeHeader = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, "_");

/** Which header index feeds each column: the best-ranked synonym wins when several are present. */
export function matchColumns(headers: string[]): { columns: Partial<Record<ImportColumn, number>>; ignored: string[] } {
  const columns: Partial<Record<ImportColumn, number>> = {};
  for (const column of IMPORT_COLUMNS) {
    let bestRank = Number.POSITIVE_INFINITY;
    for (const [index, header] of headers.entries()) {
      const rank = COLUMN_SYNONYMS[column].indexOf(normalizeHeader(header));
      if (rank >= 0 && rank < bestRank) {
        bestRank = rank;
        columns[column] = index;
      }
    }
  }
  const used = new Set(Object.values(columns));
  return { columns, ignored: headers.filter((header, index) => !used.has(index) && header !== "") };
}

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0", ""]);

/** One CSV row after header matching; platform and handle are resolved separately with extractHandle. */
export const importRowSchema = z.object({
  platform: z.string(),
  handle: z.string().trim().min(1, "the handle is empty"),
  displayName: optionalText(200, "the display name"),
  organization: optionalText(200, "the organization"),
  tags: z
    .string()
    .transform(splitTags)
    .pipe(z.array(z.string().max(50, "a tag is longer than 50 characters")).max(20, "more than 20 tags")),
  core: z
    .string()
    .transform((value) => value.trim().toLowerCase())
    .refine((value) => YES.has(value) || NO.has(value), "core must be yes or no (also true/false, 1/0, x)")
    .transform((value) => YES.has(value)),
});

export interface ImportCandidate {
  line: number;
  platform: Platform;
  handle: string;
  profileUrl: string;
  displayName: string | null;
  organization: string | null;
  tags: string[];
  isCore: boolean;
}

export interface ImportDuplicate extends ImportCandidate {
  /** in_file: an earlier row names the same account; tracked: the workspace already has it. */
  kind: "in_file" | "tracked";
  firstLine: number | null;
}

export interface ImportInvalidRow {
  line: number;
  cells: string[];
  reason: string;
}

export interface AccountImportPreview {
  headers: string[];
  columns: Partial<Record<ImportColumn, string>>;
  ignoredHeaders: string[];
  rowCount: number;
  valid: ImportCandidate[];
  duplicates: ImportDuplicate[];
  invalid: ImportInvalidRow[];
}

const LOOKUP_CHUNK = 5000;

async function trackedKeys(db: Db, workspaceId: string, candidates: ImportCandidate[]): Promise<Set<string>> {
  const keys = new Set<string>();
  const handles = [...new Set(candidates.map((candidate) => candidate.handle))];
  for (let start = 0; start < handles.length; start += LOOKUP_CHUNK) {
    const found = await db
      .select({ platform: accounts.platform, handle: accounts.handle })
      .from(accounts)
      .where(and(eq(accounts.workspaceId, workspaceId), inArray(accounts.handle, handles.slice(start, start + LOOKUP_CHUNK))));
    for (const row of found) keys.add(`${row.platform}:${row.handle}`);
  }
  return keys;
}

/**
 * Sorts every row of an uploaded table into valid, duplicate (within the file or already tracked,
 * as far as the caller may see) and invalid with a reason. Writes nothing.
 */
export async function previewAccountImport(db: Db, { workspaceId, table }: { workspaceId: string; table: CsvTable }): Promise<AccountImportPreview> {
  const { columns, ignored } = matchColumns(table.headers);
  if (columns.handle === undefined) {
    throw new AppError("invalid_input", `No handle column: name one of ${COLUMN_SYNONYMS.handle.join(", ")}.`);
  }
  const cell = (cells: string[], column: ImportColumn) => {
    const index = columns[column];
    return index === undefined ? "" : (cells[index] ?? "");
  };
  const candidates: ImportCandidate[] = [];
  const duplicates: ImportDuplicate[] = [];
  const invalid: ImportInvalidRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const parsed = importRowSchema.safeParse(Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, cell(cells, column)])));
    if (!parsed.success) {
      invalid.push({ line, cells, reason: parsed.error.issues[0]?.message ?? "the row is not valid" });
      continue;
    }
    const identity = resolveAccountIdentity(parsed.data.platform, parsed.data.handle);
    if (!identity.ok) {
      invalid.push({ line, cells, reason: identity.reason });
      continue;
    }
    const { platform, handle, profileUrl } = identity;
    const { displayName, organization, tags, core } = parsed.data;
    const candidate = { line, platform, handle, profileUrl, displayName, organization, tags, isCore: core };
    const key = `${platform}:${handle}`;
    const firstLine = firstLineOf.get(key);
    if (firstLine === undefined) {
      firstLineOf.set(key, line);
      candidates.push(candidate);
    } else {
      duplicates.push({ ...candidate, kind: "in_file", firstLine });
    }
  }
  const tracked = await trackedKeys(db, workspaceId, candidates);
  const valid: ImportCandidate[] = [];
  for (const candidate of candidates) {
    if (tracked.has(`${candidate.platform}:${candidate.handle}`)) duplicates.push({ ...candidate, kind: "tracked", firstLine: null });
    else valid.push(candidate);
  }
  duplicates.sort((a, b) => a.line - b.line);
  const columnNames = Object.fromEntries(
    Object.entries(columns).map(([column, index]) => [column, table.headers[index] ?? ""]),
  ) as Partial<Record<ImportColumn, string>>;
  return { headers: table.headers, columns: columnNames, ignoredHeaders: ignored, rowCount: table.rows.length, valid, duplicates, invalid };
}
