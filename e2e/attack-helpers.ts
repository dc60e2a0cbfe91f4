import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { expect, type Browser } from "@playwright/test";
import { DEMO } from "./helpers";

/** Raw HTTP against the production server, as a script (not a browser) would send it: no redirects followed, cookies by hand. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** name=value of every Set-Cookie. */
  cookies: string[];
}

export const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token=/;
// Passwords of the accounts this suite creates: e2e/server-logs.teardown.ts checks none reached the log.
export const ATTACK_PASSWORD = /attack-pass-[0-9a-f]{12}/;

export const uniqueEmail = (label: string) => `${label}-${randomBytes(5).toString("hex")}@attack.example`;
export const attackPassword = () => `attack-pass-${randomBytes(6).toString("hex")}`;

export async function send(
  baseURL: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; follow?: boolean } = {},
): Promise<Answer> {
  const response = await fetch(new URL(path, baseURL), {
    method: init.method ?? "GET",
    headers: init.headers,
    body: init.body,
    redirect: init.follow ? "follow" : "manual",
  });
  return {
    status: response.status,
    headers: response.headers,
    text: await response.text(),
    cookies: response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!),
  };
}

/** node:http, because fetch will not let a caller choose the Host header. */
export function sendWithHost(baseURL: string, path: string, host: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(path, baseURL);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: init.method ?? "GET", headers: { ...init.headers, host } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

export async function csrf(baseURL: string): Promise<{ token: string; cookie: string }> {
  const answer = await send(baseURL, "/api/auth/csrf");
  return { token: (JSON.parse(answer.text) as { csrfToken: string }).csrfToken, cookie: answer.cookies.join("; ") };
}

export interface Attempt {
  status: number;
  /** The session cookie the answer set, if any: a sign-in that worked. */
  session: string | null;
  body: string;
  retryAfter: string | null;
}

/** One credentials sign-in, shaped as the caller likes: path spelling, body type, fields, headers. */
export async function credentialsAttempt(
  baseURL: string,
  input: {
    email: string;
    password: string;
    path?: string;
    json?: boolean;
    fields?: [string, string][];
    headers?: Record<string, string>;
    callbackUrl?: string;
    follow?: boolean;
  },
): Promise<Attempt> {
  const { token, cookie } = await csrf(baseURL);
  const fields: [string, string][] = [...(input.fields ?? [["email", input.email], ["password", input.password]]), ["csrfToken", token], ["json", "true"]];
  if (input.callbackUrl !== undefined) fields.push(["callbackUrl", input.callbackUrl]);
  const body = input.json ? JSON.stringify(Object.fromEntries(fields)) : new URLSearchParams(fields).toString();
  const answer = await send(baseURL, `/api/auth/${input.path ?? "callback/credentials"}`, {
    method: "POST",
    body,
    follow: input.follow,
    headers: { "content-type": input.json ? "application/json" : "application/x-www-form-urlencoded", cookie, ...input.headers },
  });
  return {
    status: answer.status,
    session: answer.cookies.find((entry) => SESSION_COOKIE.test(entry) && !entry.endsWith("=")) ?? null,
    body: answer.text,
    retryAfter: answer.headers.get("retry-after"),
  };
}

/** A signed-in script: its cookie header, and JSON calls with this origin's Origin header on mutations. */
export interface Client {
  email: string;
  cookie: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer & { json: () => Record<string, unknown> }>;
}

export function clientFor(baseURL: string, email: string, cookie: string): Client {
  return {
    email,
    cookie,
    async call(method, path, body, headers) {
      const answer = await send(baseURL, path, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: { cookie, origin: new URL(baseURL).origin, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      });
      return { ...answer, json: () => JSON.parse(answer.text) as Record<string, unknown> };
    },
  };
}

export async function signInClient(baseURL: string, email: string, password: string): Promise<Client> {
  const { token, cookie } = await csrf(baseURL);
  const answer = await send(baseURL, "/api/auth/callback/credentials", {
    method: "POST",
    body: new URLSearchParams({ email, password, csrfToken: token, json: "true" }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
  });
  const session = answer.cookies.find((entry) => SESSION_COOKIE.test(entry));
  expect(answer.status, `sign-in as ${email}`).toBe(200);
  expect(session, `session cookie for ${email}`).toBeTruthy();
  return clientFor(baseURL, email, `${cookie}; ${session}`);
}

export const signInDemo = (baseURL: string, who: keyof typeof DEMO) => signInClient(baseURL, DEMO[who].email, DEMO[who].password);

export async function sessionUserId(baseURL: string, client: Client): Promise<string> {
  const session = JSON.parse((await send(baseURL, "/api/auth/session", { headers: { cookie: client.cookie } })).text) as { user?: { id?: string } };
  expect(session.user?.id).toMatch(/^[0-9a-f-]{36}$/);
  return session.user!.id!;
}

export interface Member {
  email: string;
  password: string;
  userId: string;
  client: Client;
}

/**
 * A throwaway member of a workspace, made the only way the product allows: an admin's invitation,
 * accepted in the browser (embedded mode shows the link). Tests lock, sign out and re-password
 * these instead of the demo users the other specs sign in as.
 */
export async function createMember(baseURL: string, browser: Browser, admin: Client, input: { workspace: string; role: "editor" | "viewer"; label: string }): Promise<Member> {
  const email = uniqueEmail(input.label);
  const password = attackPassword();
  const invited = await admin.call("POST", `/api/v1/workspaces/${input.workspace}/invitations`, { email, role: input.role });
  expect(invited.status, invited.text).toBe(201);
  const link = (invited.json().data as { link: string }).link;
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel("Choose a password").fill(password);
    await page.getByLabel("Repeat the password").fill(password);
    await page.getByRole("button", { name: "Accept invitation" }).click();
    await expect(page.getByRole("link", { name: "Sign in with your new password" })).toBeVisible();
  } finally {
    await context.close();
  }
  const client = await signInClient(baseURL, email, password);
  return { email, password, userId: await sessionUserId(baseURL, client), client };
}

/** Takes the throwaway member out again (which also ends their sessions: it was their last workspace). */
export async function removeMember(admin: Client, workspace: string, member: Pick<Member, "userId">): Promise<void> {
  const removed = await admin.call("DELETE", `/api/v1/workspaces/${workspace}/members/${member.userId}`);
  expect([204, 404], removed.text).toContain(removed.status);
}
