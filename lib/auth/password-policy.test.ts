import { dictionary } from "@zxcvbn-ts/language-common";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkPassword,
  newPasswordSchema,
  newPasswordSchemaFor,
  PASSWORD_MAX_BYTES,
  PASSWORD_MAX_CHARS,
  PASSWORD_MIN_CHARS,
} from "./password-policy";

const MIXED = [..."abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%&*+=?~"];
const mixed = (min: number, max: number) =>
  fc.array(fc.constantFrom(...MIXED), { minLength: min, maxLength: max }).map((chars) => chars.join(""));
const COMMON = dictionary["passwords-common"];
const codeOf = (password: string, email?: string) => {
  const result = checkPassword(password, { email });
  return result.ok ? "ok" : result.code;
};

describe("checkPassword", () => {
  it("accepts a long, uncommon password", () => {
    expect(checkPassword("violet-harbour-71-quiet")).toEqual({ ok: true });
  });

  it("refuses any string shorter than 12 characters", () => {
    fc.assert(fc.property(fc.string({ maxLength: PASSWORD_MIN_CHARS - 1, unit: "grapheme" }), (password) => {
      fc.pre(Array.from(password).length < PASSWORD_MIN_CHARS);
      expect(codeOf(password)).toBe("too_short");
    }));
  });

  it("counts characters, not UTF-16 units: 12 emoji are long enough (48 bytes)", () => {
    expect(codeOf("🦊".repeat(12))).toBe("ok");
    expect(codeOf("🦊".repeat(11))).toBe("too_short");
  });

  it("accepts random mixed-character strings of 12 to 72 characters", () => {
    fc.assert(fc.property(mixed(PASSWORD_MIN_CHARS, PASSWORD_MAX_BYTES), (password) => {
      expect(checkPassword(password)).toEqual({ ok: true });
    }));
  });

  it("refuses anything over 72 bytes, which bcrypt would silently truncate", () => {
    expect(codeOf("a1!".repeat(24))).toBe("ok"); // exactly 72 bytes
    expect(codeOf("a1!".repeat(24) + "x")).toBe("too_long");
    expect(codeOf("é".repeat(37))).toBe("too_long"); // 37 characters, 74 bytes
    fc.assert(fc.property(fc.string({ minLength: PASSWORD_MIN_CHARS, maxLength: 300, unit: "binary" }), (password) => {
      fc.pre(new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES);
      expect(codeOf(password)).toBe("too_long");
    }));
    expect(codeOf("x".repeat(PASSWORD_MAX_CHARS + 1))).toBe("too_long");
    expect(checkPassword("x".repeat(100))).toMatchObject({ ok: false, message: expect.stringMatching(/72 bytes/) });
  });

  it("refuses every long entry of the common-password list, in any letter case", () => {
    const long = COMMON.filter((entry) => Array.from(entry).length >= PASSWORD_MIN_CHARS && entry.length <= PASSWORD_MAX_BYTES);
    expect(long.length).toBeGreaterThan(100);
    fc.assert(fc.property(fc.constantFrom(...long), fc.boolean(), (entry, upper) => {
      expect(codeOf(upper ? entry.toUpperCase() : entry)).toBe("common");
    }));
  });

  it("refuses a common password padded with trailing digits or punctuation", () => {
    expect(codeOf("password1234567")).toBe("common");
    expect(codeOf("Sunshine2024!!")).toBe("common");
    const stems = COMMON.filter((entry) => entry.length >= 4 && /^[a-z]+$/.test(entry));
    fc.assert(fc.property(fc.constantFrom(...stems), fc.stringMatching(/^[0-9!?.]{12}$/), (stem, tail) => {
      expect(codeOf(stem + tail)).toBe("common");
    }));
  });

  it("leaves short stems and mid-string common words alone", () => {
    expect(codeOf("abc829461730")).toBe("ok"); // "abc" is under the 4-character stem floor
    expect(codeOf("2024password-violet")).toBe("ok");
  });

  it("refuses a password containing the email's local part (4+ characters), ignoring case and +tags", () => {
    expect(codeOf("my-JaneDoe-rocks-77", "janedoe@example.com")).toBe("contains_email");
    expect(codeOf("janedoe-at-work-77", "JaneDoe+reach@example.com")).toBe("contains_email");
    expect(codeOf("bob-is-my-name-77", "bob@example.com")).toBe("ok"); // "bob" is too short to judge
    expect(codeOf("violet-harbour-71", "janedoe@example.com")).toBe("ok");
  });

  it("never echoes the password in its message", () => {
    fc.assert(fc.property(fc.string({ minLength: 3, maxLength: 120 }), fc.emailAddress(), (password, email) => {
      const result = checkPassword(password, { email });
      if (!result.ok) expect(result.message).not.toContain(password);
    }));
  });
});

describe("newPasswordSchema", () => {
  it("parses a good password and reports the policy code on a bad one", () => {
    expect(newPasswordSchema.parse("violet-harbour-71-quiet")).toBe("violet-harbour-71-quiet");
    const result = newPasswordSchema.safeParse("password");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: "custom", params: { code: "too_short" } });
    expect(newPasswordSchema.safeParse(42).success).toBe(false);
  });

  it("applies the email rule when built for an account", () => {
    const result = newPasswordSchemaFor("janedoe@example.com").safeParse("janedoe-harbour-71");
    expect(result.error?.issues[0]).toMatchObject({ params: { code: "contains_email" } });
  });
});
