/** Workspace roles, most powerful first: viewers read, editors also write domain data, admins also manage. */
export const ROLES = ["admin", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];
