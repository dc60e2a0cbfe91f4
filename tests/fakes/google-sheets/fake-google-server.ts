import { createPublicKey, randomBytes, verify, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { letters, parseFakeRange, type FakeRange } from "./fake-a1";
import { FakeTab, type FakeCell, type FakeSpreadsheet } from "./fake-spreadsheet";
import { NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED, invalidArgument, invalidGrant, quotaExceeded } from "./google-errors";

export const TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";
const SHEETS_SCOPES = ["https://www.googleapis.com/auth/spreadsheets", "https://www.googleapis.com/auth/spreadsheets.readonly"];

export type RequestKind = "token" | "read" | "write";

export interface LoggedRequest {
  kind: RequestKind;
  method: string;
  path: string;
  status: number;
}

export interface FakeGoogleOptions {
  port?: number;
  host?: string;
}

export interface AddSpreadsheetInput {
  spreadsheetId: string;
  title?: string;
  tabs: Record<string, FakeCell[][]>;
  /** email → role; default none (403 for everyone). */
  shares?: Record<string, "reader" | "writer">;
}

export interface FakeGoogle {
  origin: string;
  /** host → origin for sheets.googleapis.com and oauth2.googleapis.com. */
  overrides(): Map<string, string>;
  overridesEnv(): string;
  /** The public key a service account's assertions are verified with. */
  registerServiceAccount(email: string, publicKeyPem: string): void;
  addSpreadsheet(input: AddSpreadsheetInput): FakeSpreadsheet;
  tab(spreadsheetId: string, title: string): FakeTab;
  /** The next `times` requests of this kind answer `status` with Google's body (429 RESOURCE_EXHAUSTED by default). */
  failNext(kind: RequestKind, options?: { status?: 429 | 500 | 503; times?: number }): void;
  requests(): LoggedRequest[];
  count(kind: RequestKind): number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8" }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function b64json(part: string): Record<string, unknown> | null {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function rangeText(tab: string, range: { row1: number; col1: number; row2: number; col2: number }) {
  return `'${tab.replaceAll("'", "''")}'!${letters(range.col1)}${range.row1 + 1}:${letters(range.col2)}${range.row2 + 1}`;
}

/**
 * Google's Sheets v4 values and metadata endpoints and its OAuth2 token endpoint, on a real socket.
 * The token endpoint verifies each service-account assertion's RS256 signature against the
 * registered public key; the API checks the bearer token, sharing, A1 ranges and grid limits.
 */
export async function startFakeGoogle(options: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const publicKeys = new Map<string, KeyObject>();
  const tokens = new Map<string, { email: string; expires: number }>();
  const spreadsheets = new Map<string, FakeSpreadsheet>();
  const failures: Record<RequestKind, { status: number; times: number } | null> = { token: null, read: null, write: null };
  const log: LoggedRequest[] = [];

  function token(body: string): [number, unknown] {
    const form = new URLSearchParams(body.trimStart().startsWith("{") ? (JSON.parse(body) as Record<string, string>) : body);
    if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer") return [400, { error: "unsupported_grant_type", error_description: "Invalid grant_type: " + (form.get("grant_type") ?? "") }];
    const [header, payload, signature, extra] = (form.get("assertion") ?? "").split(".");
    const head = header ? b64json(header) : null;
    const claims = payload ? b64json(payload) : null;
    if (!head || !claims || !signature || extra !== undefined) return [400, invalidGrant("Invalid JWT: malformed assertion.")];
    if (head.alg !== "RS256") return [400, invalidGrant(`Invalid JWT: unsupported algorithm ${String(head.alg)}.`)];
    const key = publicKeys.get(String(claims.iss));
    if (!key) return [400, invalidGrant("Invalid grant: account not found")];
    if (!verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"))) return [400, invalidGrant("Invalid JWT Signature.")];
    const now = Math.floor(Date.now() / 1000);
    const iat = Number(claims.iat);
    const exp = Number(claims.exp);
    if (claims.aud !== TOKEN_AUDIENCE || !(exp > now) || !(iat <= now + 300) || exp - iat > 3600) {
      return [400, invalidGrant("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.")];
    }
    const scopes = String(claims.scope ?? "").split(" ");
    if (!scopes.some((scope) => SHEETS_SCOPES.includes(scope))) return [400, { error: "invalid_scope", error_description: "Invalid OAuth scope or ID token audience provided." }];
    const accessToken = `ya29.fake-${randomBytes(24).toString("base64url")}`;
    tokens.set(accessToken, { email: String(claims.iss), expires: Date.now() + 3_599_000 });
    return [200, { access_token: accessToken, expires_in: 3599, token_type: "Bearer" }];
  }

  function caller(req: IncomingMessage): string | null {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "");
    const entry = match?.[1] ? tokens.get(match[1]) : undefined;
    return entry && entry.expires > Date.now() ? entry.email : null;
  }

  function read(tab: FakeTab, range: FakeRange, render: string) {
    const row2 = Math.min(range.row2, tab.rowCount - 1);
    const col2 = Math.min(range.col2, tab.columnCount - 1);
    const values: (string | number)[][] = [];
    for (let r = range.row1; r <= row2; r++) {
      const row = (tab.rows[r] ?? []).slice(range.col1, col2 + 1).map((cell) => (render === "UNFORMATTED_VALUE" ? cell : String(cell)));
      while (row.length > 0 && (row.at(-1) === "" || row.at(-1) === undefined)) row.pop();
      values.push(row);
    }
    while (values.length > 0 && values.at(-1)?.length === 0) values.pop();
    const result: { range: string; majorDimension: string; values?: (string | number)[][] } = { range: rangeText(tab.title, { ...range, row2, col2 }), majorDimension: "ROWS" };
    if (values.length > 0) result.values = values;
    return result;
  }

  function write(tab: FakeTab, range: FakeRange, values: unknown, input: string) {
    if (!Array.isArray(values)) return null;
    let cells = 0;
    let columns = 0;
    values.forEach((row: unknown, r) => {
      if (!Array.isArray(row)) return;
      columns = Math.max(columns, row.length);
      row.forEach((value: unknown, c) => {
        if (value === null || value === undefined) return;
        const raw = typeof value === "number" ? value : String(value);
        const stored = input === "USER_ENTERED" && typeof raw === "string" && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
        tab.setCell(range.row1 + r, range.col1 + c, stored);
        cells += 1;
      });
    });
    const updatedRange = rangeText(tab.title, { row1: range.row1, col1: range.col1, row2: range.row1 + values.length - 1, col2: range.col1 + columns - 1 });
    return { updatedRange, updatedRows: values.length, updatedColumns: columns, updatedCells: cells };
  }

  // Google checks the whole request before changing anything: one bad range writes nothing.
  function resolve(sheet: FakeSpreadsheet, text: string): { tab: FakeTab; range: FakeRange } | { error: unknown } {
    const range = parseFakeRange(text, sheet.tabs.map((tab) => tab.title));
    const tab = range ? sheet.tabs.find((candidate) => candidate.title === range.tab) : undefined;
    if (!range || !tab) return { error: invalidArgument(`Unable to parse range: ${text}`) };
    const lastRow = range.row2 === Infinity ? range.row1 : range.row2;
    const lastColumn = range.col2 === Infinity ? range.col1 : range.col2;
    if (lastRow >= tab.rowCount || lastColumn >= tab.columnCount) {
      return { error: invalidArgument(`Range (${rangeText(tab.title, { ...range, row2: lastRow, col2: lastColumn })}) exceeds grid limits. Max rows: ${tab.rowCount}, max columns: ${tab.columnCount}`) };
    }
    return { tab, range };
  }

  async function api(req: IncomingMessage, url: URL, kind: RequestKind): Promise<[number, unknown]> {
    const email = caller(req);
    if (!email) return [401, UNAUTHENTICATED];
    const match = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(url.pathname);
    const sheet = match?.[1] ? spreadsheets.get(decodeURIComponent(match[1])) : undefined;
    if (!match || !sheet) return [404, NOT_FOUND];
    const role = sheet.shares.get(email);
    if (!role || (kind === "write" && role !== "writer")) return [403, PERMISSION_DENIED];
    const rest = match[2] ?? "";
    const render = url.searchParams.get("valueRenderOption") ?? "FORMATTED_VALUE";
    if (rest === "" && req.method === "GET") {
      return [
        200,
        {
          spreadsheetId: sheet.spreadsheetId,
          properties: { title: sheet.title, locale: "en_US", timeZone: "Etc/GMT" },
          sheets: sheet.tabs.map((tab, index) => ({
            properties: { sheetId: tab.sheetId, title: tab.title, index, sheetType: "GRID", gridProperties: { rowCount: tab.rowCount, columnCount: tab.columnCount } },
          })),
          spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${sheet.spreadsheetId}/edit`,
        },
      ];
    }
    if (rest === "/values:batchGet" && req.method === "GET") {
      const resolved = url.searchParams.getAll("ranges").map((text) => resolve(sheet, text));
      const failed = resolved.find((entry) => "error" in entry);
      if (failed && "error" in failed) return [400, failed.error];
      return [200, { spreadsheetId: sheet.spreadsheetId, valueRanges: resolved.map((entry) => ("tab" in entry ? read(entry.tab, entry.range, render) : null)) }];
    }
    if (rest.startsWith("/values/") && req.method === "GET") {
      const resolved = resolve(sheet, decodeURIComponent(rest.slice("/values/".length)));
      return "error" in resolved ? [400, resolved.error] : [200, read(resolved.tab, resolved.range, render)];
    }
    const body = JSON.parse((await readBody(req)) || "{}") as { valueInputOption?: string; values?: unknown; data?: { range?: string; values?: unknown }[] };
    const input = url.searchParams.get("valueInputOption") ?? body.valueInputOption;
    if (input !== "RAW" && input !== "USER_ENTERED") return [400, invalidArgument("Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED")];
    if (rest.startsWith("/values/") && req.method === "PUT") {
      const resolved = resolve(sheet, decodeURIComponent(rest.slice("/values/".length)));
      if ("error" in resolved) return [400, resolved.error];
      return [200, { spreadsheetId: sheet.spreadsheetId, ...write(resolved.tab, resolved.range, body.values, input) }];
    }
    if (rest === "/values:batchUpdate" && req.method === "POST") {
      const resolved = (body.data ?? []).map((entry) => ({ entry, target: resolve(sheet, entry.range ?? "") }));
      const failed = resolved.find(({ target }) => "error" in target);
      if (failed && "error" in failed.target) return [400, failed.target.error];
      const responses = resolved.map(({ entry, target }) => ("tab" in target ? { spreadsheetId: sheet.spreadsheetId, ...write(target.tab, target.range, entry.values, input) } : null));
      const total = (key: "updatedRows" | "updatedColumns" | "updatedCells") => responses.reduce((sum, response) => sum + ((response?.[key] as number | undefined) ?? 0), 0);
      return [
        200,
        {
          spreadsheetId: sheet.spreadsheetId,
          totalUpdatedRows: total("updatedRows"),
          totalUpdatedColumns: total("updatedColumns"),
          totalUpdatedCells: total("updatedCells"),
          totalUpdatedSheets: new Set(resolved.map(({ target }) => ("tab" in target ? target.tab.title : ""))).size,
          responses,
        },
      ];
    }
    return [404, NOT_FOUND];
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const kind: RequestKind = url.pathname === "/token" ? "token" : req.method === "GET" ? "read" : "write";
    const failure = failures[kind];
    let status: number;
    let body: unknown;
    if (failure && failure.times > 0) {
      failure.times -= 1;
      await readBody(req);
      status = failure.status;
      body = status === 429 ? quotaExceeded(kind === "write" ? "write" : "read") : { error: { code: status, message: "The service is currently unavailable.", status: "UNAVAILABLE" } };
    } else if (kind === "token") {
      if (req.method !== "POST") [status, body] = [404, NOT_FOUND];
      else [status, body] = token(await readBody(req));
    } else {
      [status, body] = await api(req, url, kind);
    }
    log.push({ kind, method: req.method ?? "GET", path: url.pathname, status });
    send(res, status, body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: { code: 500, message: String(error), status: "INTERNAL" } }));
  });
  await new Promise<void>((done, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => done());
  });
  const { port, address } = server.address() as AddressInfo;
  const origin = `http://${address}:${port}`;
  const hosts = ["sheets.googleapis.com", "oauth2.googleapis.com"];

  return {
    origin,
    overrides: () => new Map(hosts.map((host) => [host, origin])),
    overridesEnv: () => hosts.map((host) => `${host}=${origin}`).join(","),
    registerServiceAccount: (email, pem) => void publicKeys.set(email, createPublicKey(pem)),
    addSpreadsheet(input) {
      let sheetId = 0;
      const sheet: FakeSpreadsheet = {
        spreadsheetId: input.spreadsheetId,
        title: input.title ?? "Untitled spreadsheet",
        tabs: Object.entries(input.tabs).map(([title, rows]) => new FakeTab(title, sheetId++ === 0 ? 0 : 100_000 + sheetId, rows)),
        shares: new Map(Object.entries(input.shares ?? {})),
      };
      spreadsheets.set(sheet.spreadsheetId, sheet);
      return sheet;
    },
    tab(spreadsheetId, title) {
      const tab = spreadsheets.get(spreadsheetId)?.tabs.find((candidate) => candidate.title === title);
      if (!tab) throw new Error(`no tab ${title} in ${spreadsheetId}`);
      return tab;
    },
    failNext: (kind, failure = {}) => void (failures[kind] = { status: failure.status ?? 429, times: failure.times ?? 1 }),
    requests: () => [...log],
    count: (kind) => log.filter((entry) => entry.kind === kind).length,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
