import { describe, expect, it } from "vitest";
import { hasRole } from "@/lib/auth/roles";
import { ROLES } from "@/lib/domain/roles";

describe("hasRole", () => {
  it("orders admin over editor over viewer", () => {
    const table = ROLES.flatMap((actual) => ROLES.map((required) => `${actual}≥${required}:${hasRole(actual, required)}`));
    expect(table).toEqual([
      "admin≥admin:true",
      "admin≥editor:true",
      "admin≥viewer:true",
      "editor≥admin:false",
      "editor≥editor:true",
      "editor≥viewer:true",
      "viewer≥admin:false",
      "viewer≥editor:false",
      "viewer≥viewer:true",
    ]);
  });
});
