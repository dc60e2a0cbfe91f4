import type { Role } from "@/lib/domain/roles";

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

/** Whether `actual` grants at least what `required` needs (admin ⊃ editor ⊃ viewer). */
export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Manages members and settings, and everything an editor does.",
  editor: "Imports accounts, runs jobs and edits data.",
  viewer: "Reads every dashboard; changes nothing.",
};
