/** A metric as the platform reported it: exact (granularity 1) or rounded ("1.2M" → granularity 100,000). */
export interface Count {
  value: number;
  approximate: boolean;
  granularity: number;
}

const MAX_INPUT = 200;

const UNITS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  kk: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

// Number, optional spaces (incl. NBSP / narrow NBSP), optional unit that is not the start of a longer word.
const COUNT_RE = /(\d(?:[\d.,]|[\s\u00a0\u202f](?=\d))*)[\s\u00a0\u202f]*(thousand|million|billion|kk|mn|bn|[kmb])?(?![a-z])/i;

export function exactCount(value: number): Count {
  return { value, approximate: false, granularity: 1 };
}

/** Exact integers from JSON: numbers or digit strings (statsV2, YouTube API). Anything else is "not reported". */
export function countFromJson(value: unknown): Count | null {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return exactCount(value);
  if (typeof value === "string" && /^\d{1,16}$/.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isSafeInteger(parsed) ? exactCount(parsed) : null;
  }
  return null;
}

/**
 * Rendered text → Count: "12,345" and "1.234" are exact thousands separators; "1.2M", "1,2 M",
 * "15.3K followers" are rounded. "No subscribers" is a real zero. Unparseable text → null.
 */
export function parseCount(input: string): Count | null {
  const text = input.slice(0, MAX_INPUT).trim();
  if (/^no\b/i.test(text)) return exactCount(0);
  const match = COUNT_RE.exec(text);
  if (!match?.[1]) return null;
  const digits = match[1];
  const unit = match[2]?.toLowerCase();
  if (!unit) {
    const plain = digits.replace(/[.,\s\u00a0\u202f]/g, "");
    const value = Number(plain);
    return plain.length > 0 && plain.length <= 16 && Number.isSafeInteger(value) ? exactCount(value) : null;
  }
  const multiplier = UNITS[unit];
  if (multiplier === undefined) return null;
  const { number, decimals } = parseDecimal(digits);
  if (number === null) return null;
  const value = Math.round(number * multiplier);
  if (!Number.isSafeInteger(value)) return null;
  const granularity = Math.max(1, Math.round(multiplier / 10 ** decimals));
  return { value, approximate: true, granularity };
}

// With a unit, the last "." or "," followed by 1–3 digits is the decimal mark; earlier ones group thousands.
function parseDecimal(raw: string): { number: number | null; decimals: number } {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, "");
  const lastMark = Math.max(compact.lastIndexOf("."), compact.lastIndexOf(","));
  let integerPart = compact;
  let fraction = "";
  if (lastMark >= 0 && compact.length - lastMark - 1 <= 3 && compact.length - lastMark - 1 > 0) {
    integerPart = compact.slice(0, lastMark);
    fraction = compact.slice(lastMark + 1);
  }
  const integerDigits = integerPart.replace(/[.,]/g, "");
  if (!/^\d*$/.test(integerDigits) || !/^\d*$/.test(fraction) || integerDigits.length > 12) {
    return { number: null, decimals: 0 };
  }
  const number = Number(`${integerDigits || "0"}.${fraction || "0"}`);
  return { number: Number.isFinite(number) ? number : null, decimals: fraction.length };
}
