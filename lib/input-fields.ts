import { z } from "zod";
import { TIME_OF_DAY } from "./domain/local-time";

/** Optional free text: trimmed, at most `max` characters, and "" stored as null. */
export const optionalText = (max: number, label = "the text") =>
  z
    .string()
    .trim()
    .max(max, `${label} is longer than ${max} characters`)
    .transform((value) => (value === "" ? null : value));

export const timeOfDay = z.string().regex(TIME_OF_DAY, "must be a time of day as HH:MM");
