import { parse as parseDom, type HTMLElement } from "node-html-parser";
import type { z } from "zod";
import { ScrapeError } from "./errors";

export type Dom = HTMLElement;

export function parseHtml(html: string): Dom {
  // Scripts and styles stay as raw text: that is where the embedded JSON lives.
  return parseDom(html, { blockTextElements: { script: true, style: true, noscript: true } });
}

export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ScrapeError("parse_error", `${where} is not valid JSON`, { path: where });
  }
}

/** Validates scraped JSON; a mismatch names the first missing or mistyped path. */
export function validate<T extends z.ZodType>(schema: T, data: unknown, where: string): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = [where, ...(issue?.path ?? []).map(String)].join(".");
  throw new ScrapeError("parse_error", `unexpected shape at ${at}: ${issue?.message ?? "invalid"}`, { path: at });
}

export function scriptText(dom: Dom, selector: string): string | null {
  const text = dom.querySelector(selector)?.textContent.trim();
  return text ? text : null;
}

export function metaContent(dom: Dom, name: string): string | null {
  const element = dom.querySelector(`meta[property="${name}"]`) ?? dom.querySelector(`meta[name="${name}"]`);
  return element?.getAttribute("content")?.trim() || null;
}

/** Depth-first search for the first object under `key` that passes `accept`: for deeply nested page blobs. */
export function findNested(value: unknown, key: string, accept: (candidate: unknown) => boolean = () => true, depth = 0): unknown {
  if (depth > 40 || value === null || typeof value !== "object") return undefined;
  if (!Array.isArray(value) && key in value) {
    const candidate = (value as Record<string, unknown>)[key];
    if (accept(candidate)) return candidate;
  }
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    const found = findNested(child, key, accept, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function isLoginUrl(url: string): boolean {
  const { pathname } = new URL(url);
  return /^\/(login|accounts\/login|authwall|checkpoint|uas\/login)(\/|$)/.test(pathname);
}
