/** How a person writes several tags in one field, in a CSV cell and in the account editor alike. */
export const TAG_SEPARATORS_LABEL = "; , or |";

/** Splits on any separator, trims, drops empties and repeats, keeping the first spelling's order. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[;|,]/).map((tag) => tag.trim()).filter(Boolean))];
}
