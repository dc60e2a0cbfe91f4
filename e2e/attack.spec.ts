import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import {
  attackPassword,
  createMember,
  credentialsAttempt,
  csrf,
  removeMember,
  send,
  sendWithHost,
  signInClient,
  signInDemo,
  uniqueEmail,
  type Attempt,
  type Client,
  type Member,
} from "./attack-helpers";
import { signIn } from "./helpers";

/*
 * The attack suite against the production build (issue 11, item 11): every class in docs/security.md
 * replayed over real HTTP and in Chromium, as an outsider, an insider and a careless proxy would.
 * Each test makes the accounts it locks, signs out or re-passwords (throwaway members invited into
 * "demo" and removed again), so the demo users the other specs sign in as are never touched, and
 * no test relies on another having run. Raw SQL as `authenticated` (class 7 below the API) is
 * covered in lib/db/rls-matrix.test.ts and lib/db/membership-rules.test.ts, not repeated here.
 */

const ACME = { email: "owner@acme.demo", password: "reach-demo-acme" };
const EVIL = "evil.test";

const origin = (baseURL: string | undefined) => new URL(baseURL ?? "").origin;

/** One throwaway member per use, removed when the test ends whatever happened. */
async function withMembers<T>(
  baseURL: string,
  browser: Browser,
  specs: { role: "editor" | "viewer"; label: string }[],
  run: (members: Member[], admin: Client) => Promise<T>,
): Promise<T> {
  const admin = await signInDemo(baseURL, "admin");
  const members: Member[] = [];
  try {
    for (const spec of specs) members.push(await createMember(baseURL, browser, admin, { workspace: "demo", ...spec }));
    return await run(members, admin);
  } finally {
    for (const member of members) await removeMember(admin, "demo", member);
  }
}

test.describe("1. password guessing", () => {
  // The e2e server sets no TRUSTED_PROXY_HOPS, so it trusts no X-Forwarded-For entry and only the
  // per-email limit applies (the per-IP one is lib/auth/sign-in-limits.test.ts's, with a trusted
  // hop). That is also why these lockouts cannot block the demo sign-ins of the other specs.
  let forged = 0;
  const VARIANTS: Record<string, (email: string, password: string) => Parameters<typeof credentialsAttempt>[1]> = {
    "the plain path": (email, password) => ({ email, password }),
    "extra path segments": (email, password) => ({ email, password, path: "callback/credentials/extra/segments" }),
    "percent-encoded letters": (email, password) => ({ email, password, path: "callback/%63r%65dentials" }),
    // Next answers 308 to the canonical path for these three; a client that follows is counted there.
    "a trailing slash, followed": (email, password) => ({ email, password, path: "callback/credentials/", follow: true }),
    "repeated slashes, followed": (email, password) => ({ email, password, path: "callback//credentials", follow: true }),
    "a leading double slash, followed": (email, password) => ({ email, password, path: "/callback/credentials", follow: true }),
    "a duplicated email field": (email, password) => ({ email, password, fields: [["email", uniqueEmail("decoy")], ["email", email], ["password", password]] }),
    "a JSON body": (email, password) => ({ email, password, json: true }),
    "the email in another case with spaces": (email, password) => ({ email, password, fields: [["email", `  ${email.toUpperCase()} `], ["password", password]] }),
    "a forged leftmost X-Forwarded-For": (email, password) => ({ email, password, headers: { "x-forwarded-for": `198.51.100.${++forged % 250}, 203.0.113.9` } }),
  };

  const expectLocked = (attempt: Attempt, label: string) => {
    expect(attempt.status, label).toBe(429);
    expect(attempt.session, label).toBeNull();
    expect(Number(attempt.retryAfter), label).toBeGreaterThan(0);
    expect(JSON.parse(attempt.body).code, label).toBe("rate_limited");
  };

  for (const [name, variant] of Object.entries(VARIANTS)) {
    test(`${name}: the 11th wrong try is refused, and so is the right password`, async ({ baseURL, browser }) => {
      await withMembers(baseURL!, browser, [{ role: "viewer", label: "guessed" }], async ([victim]) => {
        for (let attempt = 1; attempt <= 10; attempt++) {
          const result = await credentialsAttempt(baseURL!, variant(victim!.email, `wrong-password-${attempt}`));
          expect(result.status, `attempt ${attempt}`).toBe(401);
          expect(result.session).toBeNull();
        }
        expectLocked(await credentialsAttempt(baseURL!, variant(victim!.email, "wrong-password-11")), "11th wrong try");
        expectLocked(await credentialsAttempt(baseURL!, variant(victim!.email, victim!.password)), "right password, same variant");
        expectLocked(await credentialsAttempt(baseURL!, { email: victim!.email, password: victim!.password }), "right password, plain");
      });
    });
  }

  test("an unknown email is locked the same way, so the 429 tells nothing about who has an account", async ({ baseURL }) => {
    const email = uniqueEmail("nobody");
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect((await credentialsAttempt(baseURL!, { email, password: `wrong-password-${attempt}` })).status).toBe(401);
    }
    expectLocked(await credentialsAttempt(baseURL!, { email, password: "wrong-password-11", json: true }), "11th");
  });

  test("the provider or action spelled in another case, or the sign-in action, never checks a password", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "viewer", label: "cased" }], async ([victim]) => {
      for (const path of ["CALLBACK/credentials", "callback/CREDENTIALS", "Callback/Credentials", "callback%2Fcredentials"]) {
        const result = await credentialsAttempt(baseURL!, { email: victim!.email, password: victim!.password, path });
        expect(result.status, path).toBe(400);
        expect(result.session, path).toBeNull();
      }
      // Bodies next-auth does not parse lose the CSRF token with the rest: back to sign-in, no password checked.
      for (const [type, body] of [
        ["multipart", null],
        ["text/plain", "plain"],
      ] as const) {
        const { token, cookie } = await csrf(baseURL!);
        const fields = { email: victim!.email, password: victim!.password, csrfToken: token, json: "true" };
        const form = new FormData();
        for (const [name, value] of Object.entries(fields)) form.append(name, value);
        const response = await fetch(new URL("/api/auth/callback/credentials", baseURL), {
          method: "POST",
          redirect: "manual",
          body: body ? new URLSearchParams(fields).toString() : form,
          headers: body ? { cookie, "content-type": "text/plain" } : { cookie },
        });
        expect(response.status, type).toBe(302);
        expect(response.headers.getSetCookie().some((entry) => /session-token=./.test(entry)), type).toBe(false);
      }
      // next-auth's sign-in action only points the client at the callback for credentials.
      const viaSignIn = await credentialsAttempt(baseURL!, { email: victim!.email, password: victim!.password, path: "signin/credentials" });
      expect(viaSignIn.session).toBeNull();
      expect(new URL(JSON.parse(viaSignIn.body).url).pathname).toBe("/api/auth/signin");
    });
  });

  test("next-auth's CSRF token is required: a sign-in without it sets no session", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "viewer", label: "no-csrf" }], async ([victim]) => {
      const answer = await send(baseURL!, "/api/auth/callback/credentials", {
        method: "POST",
        body: new URLSearchParams({ email: victim!.email, password: victim!.password, json: "true" }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(answer.cookies.some((cookie) => /session-token=./.test(cookie))).toBe(false);
      // next-auth answers by sending the client back to sign-in with csrf=true, and checks no password.
      expect(new URL(JSON.parse(answer.text).url).searchParams.get("csrf")).toBe("true");
    });
  });
});

const REDIRECTS = [
  "//evil.test",
  "///evil.test",
  "/\\evil.test",
  "/.//evil.test",
  "/..//evil.test",
  "/%2e//evil.test",
  "/%2f%2fevil.test",
  "/%252f%252fevil.test",
  "/%5cevil.test",
  "/%5c%5cevil.test",
  "https:evil.test",
  "https:/evil.test",
  "http://evil.test/",
  "https://127.0.0.1@evil.test/",
  "/\tevil.test",
  "/\t/evil.test",
  "/\n/evil.test",
  "/%09/evil.test",
  "\t//evil.test",
  " //evil.test",
  "javascript:alert(1)",
];

test.describe("2. open redirects", () => {
  test("next-auth's redirect after sign-in, after sign-out and from a forged callback-url cookie stays on the app", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "viewer", label: "redirected" }], async ([victim]) => {
      for (const target of REDIRECTS) {
        const signedIn = await credentialsAttempt(baseURL!, { email: victim!.email, password: victim!.password, callbackUrl: target });
        expect(signedIn.status, JSON.stringify(target)).toBe(200);
        expect(new URL(JSON.parse(signedIn.body).url).origin, JSON.stringify(target)).toBe(origin(baseURL));

        const { token, cookie } = await csrf(baseURL!);
        const signedOut = await send(baseURL!, "/api/auth/signout", {
          method: "POST",
          body: new URLSearchParams({ csrfToken: token, callbackUrl: target, json: "true" }).toString(),
          headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        });
        expect(new URL(JSON.parse(signedOut.text).url).origin, JSON.stringify(target)).toBe(origin(baseURL));
      }
      const { token, cookie } = await csrf(baseURL!);
      const fromCookie = await send(baseURL!, "/api/auth/callback/credentials", {
        method: "POST",
        body: new URLSearchParams({ email: victim!.email, password: victim!.password, csrfToken: token, json: "true" }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; next-auth.callback-url=${encodeURIComponent("//evil.test")}` },
      });
      expect(fromCookie.status).toBe(200);
      expect(new URL(JSON.parse(fromCookie.text).url).origin).toBe(origin(baseURL));
    });
  });

  test("the sign-in page sends a signed-in visitor only to this origin", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "viewer", label: "page-redirect" }], async ([victim]) => {
      for (const target of REDIRECTS) {
        const answer = await send(baseURL!, `/sign-in?callbackUrl=${encodeURIComponent(target)}`, { headers: { cookie: victim!.client.cookie } });
        expect(answer.status, JSON.stringify(target)).toBe(307);
        const location = answer.headers.get("location") ?? "";
        expect(new URL(location, baseURL).origin, JSON.stringify(target)).toBe(origin(baseURL));
        expect(location, JSON.stringify(target)).not.toContain(EVIL);
      }
      // Unencoded in the query string, as a hand-made link would carry them.
      for (const raw of ["//evil.test", "/%5Cevil.test", "https:evil.test", "%2F%2Fevil.test"]) {
        const answer = await send(baseURL!, `/sign-in?callbackUrl=${raw}`, { headers: { cookie: victim!.client.cookie } });
        expect(new URL(answer.headers.get("location") ?? "", baseURL).origin, raw).toBe(origin(baseURL));
      }
    });
  });

  test("signing in through the form in Chromium never leaves the app, whatever the callbackUrl", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "viewer", label: "browser-redirect" }], async ([victim]) => {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      const foreign: string[] = [];
      page.on("request", (request) => {
        if (new URL(request.url()).origin !== origin(baseURL)) foreign.push(request.url());
      });
      try {
        for (const target of REDIRECTS) {
          await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
          await page.getByLabel("Email").fill(victim!.email);
          await page.getByLabel("Password").fill(victim!.password);
          await page.getByRole("button", { name: "Sign in" }).click();
          await expect(page).not.toHaveURL(/\/sign-in/);
          expect(new URL(page.url()).origin, JSON.stringify(target)).toBe(origin(baseURL));
          // Signed in now: the page's own server redirect is asked too.
          await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
          expect(new URL(page.url()).origin, JSON.stringify(target)).toBe(origin(baseURL));
          await context.clearCookies();
        }
        expect(foreign).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});

test.describe("3. a forged Host or X-Forwarded-Host", () => {
  const FORGED: { host: string; rest: Record<string, string> }[] = [
    { host: EVIL, rest: {} },
    { host: "127.0.0.1", rest: { "x-forwarded-host": EVIL, "x-forwarded-proto": "https" } },
    { host: EVIL, rest: { "x-forwarded-host": EVIL, "x-forwarded-proto": "https" } },
  ];

  test("the Inngest serve route registers nothing and reflects nothing (Inngest is not configured here)", async ({ baseURL }) => {
    // The register call itself, with a configured signing key, is inngest/serve.test.ts's (a local
    // stand-in for Inngest's API). This server has no Inngest keys, so the route must not serve at all.
    for (const { host, rest } of FORGED) {
      for (const method of ["PUT", "GET", "POST"]) {
        const answer = await sendWithHost(baseURL!, "/api/inngest", host, { method, headers: rest });
        expect(answer.status, `${method} ${host} ${JSON.stringify(rest)}`).toBe(404);
        expect(JSON.parse(answer.text).code).toBe("not_found");
        expect(answer.text).not.toContain(EVIL);
        expect(JSON.stringify(answer.headers)).not.toContain(EVIL);
      }
    }
  });

  test("redirects and next-auth's URLs keep the configured origin", async ({ baseURL }) => {
    for (const { host, rest } of FORGED) {
      const guarded = await sendWithHost(baseURL!, "/demo/accounts", host, { headers: rest });
      expect(guarded.status).toBe(307);
      expect(new URL(String(guarded.headers.location), baseURL).origin).toBe(origin(baseURL));
      for (const path of ["/api/auth/providers", "/api/auth/signin", "/sign-in", "/reset-password", "/api/auth/signout"]) {
        const answer = await sendWithHost(baseURL!, path, host, { headers: rest });
        expect(answer.status, path).toBeLessThan(500);
        expect(answer.text, path).not.toContain(EVIL);
        expect(String(answer.headers.location ?? ""), path).not.toContain(EVIL);
      }
      const { token, cookie } = await csrf(baseURL!);
      const signIn = await sendWithHost(baseURL!, "/api/auth/callback/credentials", host, {
        method: "POST",
        headers: { ...rest, cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: uniqueEmail("forged-host"), password: "wrong-password-1", csrfToken: token, json: "true" }).toString(),
      });
      expect(signIn.status).toBe(401);
      expect(new URL(JSON.parse(signIn.text).url).origin).toBe(origin(baseURL));
    }
  });

  test("invitation and reset links an admin is shown name the configured origin", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "viewer", label: "forged-host-reset" }], async ([member], admin) => {
      for (const { host, rest } of FORGED) {
        const common = { ...rest, cookie: admin.cookie, origin: origin(baseURL), "content-type": "application/json" };
        const invited = await sendWithHost(baseURL!, "/api/v1/workspaces/demo/invitations", host, {
          method: "POST",
          headers: common,
          body: JSON.stringify({ email: uniqueEmail("forged-host-invite"), role: "viewer" }),
        });
        expect(invited.status, invited.text).toBe(201);
        const invitation = JSON.parse(invited.text).data as { id: string; link: string };
        expect(new URL(invitation.link).origin).toBe(origin(baseURL));
        expect((await admin.call("DELETE", `/api/v1/workspaces/demo/invitations/${invitation.id}`)).status).toBe(204);

        const reset = await sendWithHost(baseURL!, `/api/v1/workspaces/demo/members/${member!.userId}/reset-link`, host, { method: "POST", headers: common });
        expect(reset.status, reset.text).toBe(201);
        expect(new URL(JSON.parse(reset.text).data.link).origin).toBe(origin(baseURL));
      }
    });
  });
});

test.describe("4. scrapers aimed at the network inside", () => {
  // Each is refused while parsing, before any request; that no connection is made even for a name
  // that resolves inside (DNS rebinding, redirects) is lib/scrapers/http/ssrf.test.ts's, with a
  // counting server. Here: the production API refuses them all and stores nothing.
  const INSIDE = [
    "probe@127.0.0.1",
    "user@10.0.0.1",
    "user@192.168.1.1",
    "user@[::1]",
    "user@169.254.169.254",
    "user@localhost",
    "user@localhost.",
    "user@metadata.internal",
    "user@2130706433",
    "user@0x7f000001",
    "user@0177.0.0.1",
    "user@127.1",
    "user@[::ffff:127.0.0.1]",
    "user@[::ffff:a9fe:a9fe]",
    "user@[fd00:ec2::254]",
    "user@127.0.0.1:3300",
    "https://127.0.0.1/@probe",
    "https://[::1]/@probe",
    "https://169.254.169.254/users/probe",
  ];

  test("adding a Mastodon account on an internal host is a 400 invalid_input", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "editor", label: "ssrf-editor" }], async ([editor]) => {
      for (const handle of INSIDE) {
        const answer = await editor!.client.call("POST", "/api/v1/workspaces/demo/accounts", { platform: "mastodon", handle });
        expect(answer.status, handle).toBe(400);
        expect(answer.json().code, handle).toBe("invalid_input");
      }
      const listed = await editor!.client.call("GET", "/api/v1/workspaces/demo/accounts?platform=mastodon&limit=200");
      const handles = (listed.json().data as { handle: string }[]).map((account) => account.handle);
      expect(handles.filter((handle) => /probe|user@/.test(handle))).toEqual([]);
    });
  });

  test("importing them from a CSV marks every row invalid and creates nothing", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "editor", label: "ssrf-import" }], async ([editor]) => {
      const csv = ["platform,handle", ...INSIDE.map((handle) => `mastodon,${handle}`)].join("\n");
      for (const dryRun of ["true", "false"]) {
        const form = new FormData();
        form.append("file", new Blob([csv], { type: "text/csv" }), "inside.csv");
        form.append("dryRun", dryRun);
        const response = await fetch(new URL("/api/v1/workspaces/demo/accounts/import", baseURL), {
          method: "POST",
          body: form,
          headers: { cookie: editor!.client.cookie, origin: origin(baseURL) },
        });
        expect(response.status).toBe(200);
        const { data } = (await response.json()) as { data: { valid?: unknown[]; invalid: unknown; created?: number } };
        if (dryRun === "true") {
          expect(data.valid).toEqual([]);
          expect(data.invalid).toHaveLength(INSIDE.length);
        } else {
          expect(data).toMatchObject({ created: 0, invalid: INSIDE.length });
        }
      }
    });
  });
});

test.describe("5. invitation takeover", () => {
  test("an invitation to an existing account never sets its password, and only its owner can accept it", async ({ baseURL, browser }) => {
    const admin = await signInDemo(baseURL!, "admin");
    const invited = await admin.call("POST", "/api/v1/workspaces/demo/invitations", { email: ACME.email.toUpperCase(), role: "viewer" });
    expect(invited.status).toBe(201);
    const invitation = invited.json().data as { id: string; link: string; email: string };
    expect(invitation.email).toBe(ACME.email);
    const acme = await signInClient(baseURL!, ACME.email, ACME.password);
    const acmeUserId = (await acme.call("GET", "/api/v1/workspaces/acme/members")).json().data as { userId: string }[];
    const ownerId = acmeUserId[0]!.userId;
    const planted = attackPassword();
    try {
      // Signed out, the page offers no password field: only "sign in as <email>".
      const outsider = await browser.newContext({ baseURL });
      const visitor = await outsider.newPage();
      await visitor.goto(invitation.link);
      await expect(visitor.getByText("You already have an account.")).toBeVisible();
      await expect(visitor.getByLabel("Choose a password")).toHaveCount(0);
      await outsider.close();

      // The inviting admin opens it signed in and slips a password into the form: refused.
      const adminContext = await browser.newContext({ baseURL });
      const adminPage = await adminContext.newPage();
      await signIn(adminPage, "admin", "/demo");
      await adminPage.goto(invitation.link);
      const form = adminPage.locator("form");
      await form.evaluate((element, password) => {
        for (const name of ["password", "confirm"]) {
          const input = document.createElement("input");
          input.type = "hidden";
          input.name = name;
          input.value = password;
          element.appendChild(input);
        }
      }, planted);
      await adminPage.getByRole("button", { name: /Accept|Join/ }).click();
      await expect(adminPage.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(`Sign in as ${ACME.email} to accept this invitation.`);
      await adminContext.close();

      expect((await credentialsAttempt(baseURL!, { email: ACME.email, password: planted })).status).toBe(401);
      expect((await credentialsAttempt(baseURL!, { email: ACME.email, password: ACME.password })).status).toBe(200);
      // Not a member of demo: the admin cannot reach the account through demo's member routes either.
      const notMember = await admin.call("POST", `/api/v1/workspaces/demo/members/${ownerId}/reset-link`);
      const nobody = await admin.call("POST", `/api/v1/workspaces/demo/members/${randomUUID()}/reset-link`);
      expect(notMember.status).toBe(404);
      expect(notMember.text).toBe(nobody.text);

      // The owner accepts; now a member of demo, the account still cannot be re-passworded by demo's admin.
      const ownerContext = await browser.newContext({ baseURL });
      const ownerPage = await ownerContext.newPage();
      await ownerPage.goto(`/sign-in?callbackUrl=${encodeURIComponent(new URL(invitation.link).pathname)}`);
      await ownerPage.getByLabel("Email").fill(ACME.email);
      await ownerPage.getByLabel("Password").fill(ACME.password);
      await ownerPage.getByRole("button", { name: "Sign in" }).click();
      await expect(ownerPage).toHaveURL(/\/invite\//);
      await ownerPage.getByRole("button", { name: /Accept|Join/ }).click();
      await expect(ownerPage.getByRole("link", { name: "Open the workspace" })).toBeVisible();
      await ownerContext.close();
      const refused = await admin.call("POST", `/api/v1/workspaces/demo/members/${ownerId}/reset-link`);
      expect(refused.status).toBe(403);
      expect(refused.json().code).toBe("forbidden");
      expect(refused.text).not.toContain("/reset-password/");
      expect((await credentialsAttempt(baseURL!, { email: ACME.email, password: ACME.password })).status).toBe(200);
    } finally {
      await admin.call("DELETE", `/api/v1/workspaces/demo/invitations/${invitation.id}`);
      await removeMember(admin, "demo", { userId: ownerId });
    }
  });

  test("an account an admin made from a shown link stays unverified and cannot join another workspace", async ({ baseURL, browser }) => {
    // Embedded mode (no SMTP): the admin can open the link and choose the password for any address
    // (the documented compromise); what it buys is limited to the admin's own workspace.
    const admin = await signInDemo(baseURL!, "admin");
    const acme = await signInClient(baseURL!, ACME.email, ACME.password);
    const victim = uniqueEmail("ceo");
    const password = attackPassword();
    const planted = await admin.call("POST", "/api/v1/workspaces/demo/invitations", { email: victim, role: "viewer" });
    const plantedLink = (planted.json().data as { link: string }).link;
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto(plantedLink);
    await page.getByLabel("Choose a password").fill(password);
    await page.getByLabel("Repeat the password").fill(password);
    await page.getByRole("button", { name: "Accept invitation" }).click();
    await expect(page.getByRole("link", { name: "Sign in with your new password" })).toBeVisible();
    const plantedClient = await signInClient(baseURL!, victim, password);
    const plantedId = (JSON.parse((await send(baseURL!, "/api/auth/session", { headers: { cookie: plantedClient.cookie } })).text) as { user: { id: string } }).user.id;

    const elsewhere = await acme.call("POST", "/api/v1/workspaces/acme/invitations", { email: victim, role: "viewer" });
    expect(elsewhere.status).toBe(201);
    const acmeInvitation = elsewhere.json().data as { id: string; link: string };
    try {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(victim);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).not.toHaveURL(/sign-in/);
      await page.goto(acmeInvitation.link);
      await page.getByRole("button", { name: /Accept|Join/ }).click();
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("never verified");
      expect((await plantedClient.call("GET", "/api/v1/workspaces/acme")).status).toBe(404);
    } finally {
      await context.close();
      await acme.call("DELETE", `/api/v1/workspaces/acme/invitations/${acmeInvitation.id}`);
      await removeMember(admin, "demo", { userId: plantedId });
    }
  });
});

test.describe("6. an old cookie replayed", () => {
  async function expectDead(baseURL: string, cookie: string, label: string) {
    const api = await send(baseURL, "/api/v1/workspaces/demo", { headers: { cookie } });
    expect(api.status, label).toBe(401);
    expect(JSON.parse(api.text).code, label).toBe("unauthenticated");
    const page = await send(baseURL, "/demo/accounts", { headers: { cookie } });
    expect(page.status, label).toBe(307);
    expect(new URL(page.headers.get("location") ?? "", baseURL).pathname, label).toBe("/sign-in");
    const session = JSON.parse((await send(baseURL, "/api/auth/session", { headers: { cookie } })).text) as { user?: unknown };
    expect(session.user, label).toBeUndefined();
  }

  test("after sign-out", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "viewer", label: "signed-out" }], async ([member]) => {
      const other = await signInClient(baseURL!, member!.email, member!.password);
      expect((await member!.client.call("GET", "/api/v1/workspaces/demo")).status).toBe(200);
      const token = (await csrf(baseURL!)).token;
      const csrfCookie = member!.client.cookie.split("; ").find((entry) => entry.startsWith("next-auth.csrf-token="))!;
      const signedOut = await send(baseURL!, "/api/auth/signout", {
        method: "POST",
        body: new URLSearchParams({ csrfToken: csrfCookie.split("=")[1]!.split("%7C")[0]!, json: "true" }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: member!.client.cookie },
      });
      expect(signedOut.status).toBe(200);
      expect(token).toBeTruthy();
      await expectDead(baseURL!, member!.client.cookie, "replayed after sign-out");
      // Only that session ended: the same user's other sign-in still works.
      expect((await other.call("GET", "/api/v1/workspaces/demo")).status).toBe(200);
    });
  });

  test("a sign-out without next-auth's CSRF token ends nothing", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "viewer", label: "csrf-sign-out" }], async ([member]) => {
      const session = member!.client.cookie.split("; ").find((entry) => entry.includes("session-token"))!;
      await send(baseURL!, "/api/auth/signout", {
        method: "POST",
        body: new URLSearchParams({ json: "true" }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: session, origin: "https://evil.test" },
      });
      expect((await member!.client.call("GET", "/api/v1/workspaces/demo")).status).toBe(200);
    });
  });

  test("after a password reset, after sign-out everywhere, and after removal from the last workspace", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "viewer", label: "reset" }, { role: "viewer", label: "everywhere" }], async ([reset, everywhere], admin) => {
      // A password change: in embedded mode through an admin-issued reset link, which the member opens.
      const issued = await admin.call("POST", `/api/v1/workspaces/demo/members/${reset!.userId}/reset-link`);
      expect(issued.status).toBe(201);
      const link = (issued.json().data as { link: string }).link;
      const newPassword = attackPassword();
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await page.goto(link);
      await page.getByLabel("New password").fill(newPassword);
      await page.getByLabel("Repeat the password").fill(newPassword);
      await page.getByRole("button", { name: "Set the new password" }).click();
      await expect(page.getByRole("status")).toContainText("Your password is changed and every session was signed out.");
      await expectDead(baseURL!, reset!.client.cookie, "replayed after a reset");
      expect((await credentialsAttempt(baseURL!, { email: reset!.email, password: reset!.password })).status).toBe(401);
      expect((await credentialsAttempt(baseURL!, { email: reset!.email, password: newPassword })).status).toBe(200);
      // The link worked once.
      await page.goto(link);
      await expect(page.getByText(/expired or was already used/)).toBeVisible();
      await context.close();

      const second = await signInClient(baseURL!, everywhere!.email, everywhere!.password);
      expect((await admin.call("DELETE", `/api/v1/workspaces/demo/members/${everywhere!.userId}/sessions`)).status).toBe(204);
      await expectDead(baseURL!, everywhere!.client.cookie, "first session after sign-out everywhere");
      await expectDead(baseURL!, second.cookie, "second session after sign-out everywhere");
      const fresh = await signInClient(baseURL!, everywhere!.email, everywhere!.password);
      expect((await fresh.call("GET", "/api/v1/workspaces/demo")).status).toBe(200);
      await removeMember(admin, "demo", everywhere!);
      await expectDead(baseURL!, fresh.cookie, "after removal from the last workspace");
    });
  });
});

test.describe("7. insiders", () => {
  interface ForeignIds {
    workspaceId: string;
    accountId: string;
    ownerId: string;
    runId: string;
    invitationId: string;
    postId: string;
  }

  /** Real ids from the other workspace, read as its own admin; the invitation is withdrawn afterwards. */
  async function foreignIds(baseURL: string): Promise<{ ids: ForeignIds; acme: Client }> {
    const acme = await signInClient(baseURL, ACME.email, ACME.password);
    const workspace = (await acme.call("GET", "/api/v1/workspaces/acme")).json().data as { id: string };
    const accounts = (await acme.call("GET", "/api/v1/workspaces/acme/accounts")).json().data as { id: string }[];
    const members = (await acme.call("GET", "/api/v1/workspaces/acme/members")).json().data as { userId: string }[];
    const runs = (await acme.call("GET", "/api/v1/workspaces/acme/jobs")).json().data as { id?: string; runId?: string }[];
    const invitation = (await acme.call("POST", "/api/v1/workspaces/acme/invitations", { email: uniqueEmail("acme-invitee"), role: "viewer" })).json().data as { id: string };
    const posts = await send(baseURL, "/acme/posts", { headers: { cookie: acme.cookie } });
    const postId = /\/api\/v1\/workspaces\/acme\/posts\/([0-9a-f-]{36})\/slides/.exec(posts.text)?.[1] ?? null;
    const run = runs[0];
    expect(accounts.length && members.length && run && postId, "the seeded acme workspace has an account, a member, a run and a post").toBeTruthy();
    return {
      acme,
      ids: {
        workspaceId: workspace.id,
        accountId: accounts[0]!.id,
        ownerId: members[0]!.userId,
        runId: (run?.id ?? run?.runId)!,
        invitationId: invitation.id,
        postId: postId!,
      },
    };
  }

  test("editors and viewers cannot raise roles, edit members, forge audit entries or act as admins", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "editor", label: "insider-editor" }, { role: "viewer", label: "insider-viewer" }], async ([editor, viewer], admin) => {
      const adminId = (await admin.call("GET", "/api/v1/workspaces/demo/members")).json().data as { userId: string; role: string }[];
      const adminUserId = adminId.find((member) => member.role === "admin")!.userId;
      const adminOnly: [string, string, unknown?][] = [
        ["PATCH", `/api/v1/workspaces/demo/members/${editor!.userId}`, { role: "admin" }],
        ["PATCH", `/api/v1/workspaces/demo/members/${viewer!.userId}`, { role: "editor" }],
        ["PATCH", `/api/v1/workspaces/demo/members/${adminUserId}`, { role: "viewer" }],
        ["DELETE", `/api/v1/workspaces/demo/members/${adminUserId}`],
        ["POST", `/api/v1/workspaces/demo/members/${adminUserId}/reset-link`],
        ["DELETE", `/api/v1/workspaces/demo/members/${adminUserId}/sessions`],
        ["POST", "/api/v1/workspaces/demo/invitations", { email: uniqueEmail("self-invite"), role: "admin" }],
        ["DELETE", `/api/v1/workspaces/demo/invitations/${randomUUID()}`],
        ["PATCH", "/api/v1/workspaces/demo", { name: "Taken over" }],
        ["DELETE", "/api/v1/workspaces/demo", { confirmSlug: "demo" }],
        ["POST", "/api/v1/workspaces/demo/sheets", { url: "https://docs.google.com/spreadsheets/d/x/edit", tab: "Posts" }],
        ["PATCH", `/api/v1/workspaces/demo/sheets/${randomUUID()}`, { name: "x" }],
        ["DELETE", `/api/v1/workspaces/demo/sheets/${randomUUID()}`],
        ["POST", "/api/v1/workspaces/demo/sheets/test", { url: "https://docs.google.com/spreadsheets/d/x/edit" }],
        ["GET", "/api/v1/workspaces/demo/audit-log"],
        ["GET", "/api/v1/workspaces/demo/invitations"],
        ["GET", "/api/v1/workspaces/demo/sheets"],
      ];
      const editorOnly: [string, string, unknown?][] = [
        ["POST", "/api/v1/workspaces/demo/accounts", { platform: "bluesky", handle: "viewer-was-here.bsky.social" }],
        ["PATCH", `/api/v1/workspaces/demo/accounts/${randomUUID()}`, { displayName: "x" }],
        ["DELETE", `/api/v1/workspaces/demo/accounts/${randomUUID()}`],
        ["POST", "/api/v1/workspaces/demo/jobs", {}],
        ["POST", `/api/v1/workspaces/demo/jobs/${randomUUID()}`, { action: "cancel" }],
      ];
      for (const [who, calls] of [[editor!, adminOnly], [viewer!, [...adminOnly, ...editorOnly]]] as const) {
        for (const [method, path, body] of calls) {
          const answer = await who.client.call(method, path, body);
          expect(answer.status, `${who.email} ${method} ${path}`).toBe(403);
          expect(answer.json().code, `${method} ${path}`).toBe("forbidden");
        }
        const imported = await fetch(new URL("/api/v1/workspaces/demo/accounts/import", baseURL), { method: "POST", headers: { cookie: who.client.cookie, origin: origin(baseURL) }, body: new FormData() });
        expect(imported.status, `${who.email} import`).toBe(who === viewer ? 403 : 400);
        // No route writes the audit log: every method but GET is 405, for every role.
        for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
          expect((await who.client.call(method, "/api/v1/workspaces/demo/audit-log", { action: "member.role_changed" })).status).toBe(405);
        }
      }
      const roles = (await admin.call("GET", "/api/v1/workspaces/demo/members")).json().data as { userId: string; role: string }[];
      expect(roles.find((member) => member.userId === editor!.userId)?.role).toBe("editor");
      expect(roles.find((member) => member.userId === viewer!.userId)?.role).toBe("viewer");
      expect(roles.find((member) => member.userId === adminUserId)?.role).toBe("admin");
    });
  });

  test("another workspace's ids answer exactly like ids that do not exist, for every role", async ({ baseURL, browser }) => {
    const { ids, acme } = await foreignIds(baseURL!);
    try {
      await withMembers(baseURL!, browser, [{ role: "editor", label: "cross-editor" }], async ([editor], admin) => {
        const missing = randomUUID();
        // [who, method, path with {id}, body with {id}, foreign id]
        const probes: [Client, string, string, (id: string) => unknown, string][] = [
          [editor!.client, "GET", "/api/v1/workspaces/demo/accounts/{id}", () => undefined, ids.accountId],
          [editor!.client, "PATCH", "/api/v1/workspaces/demo/accounts/{id}", () => ({ displayName: "x" }), ids.accountId],
          [editor!.client, "DELETE", "/api/v1/workspaces/demo/accounts/{id}", () => undefined, ids.accountId],
          [editor!.client, "POST", "/api/v1/workspaces/demo/jobs", (id) => ({ accountId: id }), ids.accountId],
          [editor!.client, "GET", "/api/v1/workspaces/demo/jobs/{id}", () => undefined, ids.runId],
          [editor!.client, "POST", "/api/v1/workspaces/demo/jobs/{id}", () => ({ action: "cancel" }), ids.runId],
          [editor!.client, "POST", "/api/v1/workspaces/demo/jobs/{id}", () => ({ action: "retry" }), ids.runId],
          [admin, "PATCH", "/api/v1/workspaces/demo/members/{id}", () => ({ role: "viewer" }), ids.ownerId],
          [admin, "DELETE", "/api/v1/workspaces/demo/members/{id}", () => undefined, ids.ownerId],
          [admin, "POST", "/api/v1/workspaces/demo/members/{id}/reset-link", () => undefined, ids.ownerId],
          [admin, "DELETE", "/api/v1/workspaces/demo/members/{id}/sessions", () => undefined, ids.ownerId],
          [admin, "DELETE", "/api/v1/workspaces/demo/invitations/{id}", () => undefined, ids.invitationId],
          [admin, "POST", "/api/v1/workspaces/demo/jobs", (id) => ({ kind: "posts.pipeline", sheetSourceId: id }), ids.workspaceId],
          [editor!.client, "GET", "/api/v1/workspaces/demo/posts/{id}/slides/0", () => undefined, ids.postId],
        ];
        for (const [who, method, path, body, foreign] of probes) {
          const there = await who.call(method, path.replace("{id}", foreign), body(foreign));
          const nowhere = await who.call(method, path.replace("{id}", missing), body(missing));
          const label = `${who.email} ${method} ${path}`;
          expect(there.status, label).toBeGreaterThanOrEqual(400);
          expect(there.status, label).toBeLessThan(500);
          expect(there.status, label).toBe(nowhere.status);
          expect(there.text.replaceAll(foreign, "{id}"), label).toBe(nowhere.text.replaceAll(missing, "{id}"));
        }
        // Naming the other workspace in a body moves nothing there.
        const handle = `attack-${randomUUID().slice(0, 8)}.bsky.social`;
        const created = await editor!.client.call("POST", "/api/v1/workspaces/demo/accounts", { platform: "bluesky", handle, workspaceId: ids.workspaceId, workspace_id: ids.workspaceId });
        expect(created.status, created.text).toBe(201);
        const accountId = (created.json().data as { id: string }).id;
        const moved = await editor!.client.call("PATCH", `/api/v1/workspaces/demo/accounts/${accountId}`, { displayName: "moved", workspaceId: ids.workspaceId });
        expect(moved.status).toBe(400);
        expect(moved.json().code).toBe("invalid_input");
        expect((await acme.call("GET", `/api/v1/workspaces/acme/accounts/${accountId}`)).status).toBe(404);
        expect((await editor!.client.call("DELETE", `/api/v1/workspaces/demo/accounts/${accountId}`)).status).toBe(204);
        // The other workspace's slug answers like a slug nobody has.
        for (const [method, path, body] of [
          ["GET", "/api/v1/workspaces/{slug}/members", undefined],
          ["PATCH", "/api/v1/workspaces/{slug}", { name: "x" }],
          ["POST", "/api/v1/workspaces/{slug}/invitations", { email: uniqueEmail("cross"), role: "admin" }],
          ["PATCH", `/api/v1/workspaces/{slug}/members/${ids.ownerId}`, { role: "viewer" }],
          ["POST", "/api/v1/workspaces/{slug}/accounts", { platform: "bluesky", handle: "cross.bsky.social" }],
          ["DELETE", "/api/v1/workspaces/{slug}", { confirmSlug: "acme" }],
        ] as const) {
          const there = await editor!.client.call(method, path.replace("{slug}", "acme"), body);
          const nowhere = await editor!.client.call(method, path.replace("{slug}", "no-such-workspace"), body);
          expect(there.status, `${method} ${path}`).toBe(404);
          expect(there.text, `${method} ${path}`).toBe(nowhere.text);
        }
      });
      // Nothing of acme's changed: its owner is still its admin and the account is still there.
      expect((await acme.call("GET", `/api/v1/workspaces/acme/accounts/${ids.accountId}`)).status).toBe(200);
      const members = (await acme.call("GET", "/api/v1/workspaces/acme/members")).json().data as { userId: string; role: string }[];
      expect(members.find((member) => member.userId === ids.ownerId)?.role).toBe("admin");
    } finally {
      await acme.call("DELETE", `/api/v1/workspaces/acme/invitations/${ids.invitationId}`);
    }
  });
});

test.describe("8. cross-site requests and headers", () => {
  const FOREIGN_ORIGINS: [string, Record<string, string>][] = [
    ["Origin: null", { origin: "null" }],
    ["another port", { origin: "http://127.0.0.1:3999" }],
    ["https instead of http", { origin: "https://127.0.0.1" }],
    ["the app's host as a prefix", { origin: "http://127.0.0.1.evil.test" }],
    ["no Origin, a foreign Referer", { origin: "", referer: "https://evil.test/page" }],
    ["neither Origin nor Referer", { origin: "" }],
  ];

  test("a mutation with a foreign or missing Origin is refused on every kind of route", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "viewer", label: "csrf" }], async ([member], admin) => {
      for (const [name, headers] of FOREIGN_ORIGINS) {
        const clean = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== ""));
        for (const [who, method, path, body] of [
          [admin, "PATCH", "/api/v1/workspaces/demo", { name: "Cross-site" }],
          [admin, "POST", "/api/v1/workspaces/demo/invitations", { email: uniqueEmail("csrf"), role: "admin" }],
          [admin, "DELETE", `/api/v1/workspaces/demo/members/${member!.userId}/sessions`, undefined],
          [member!.client, "DELETE", "/api/v1/me", { confirmEmail: member!.email }],
        ] as const) {
          const answer = await send(baseURL!, path, {
            method,
            body: body === undefined ? undefined : JSON.stringify(body),
            headers: { cookie: who.cookie, "content-type": "application/json", ...clean },
          });
          expect(answer.status, `${name}: ${method} ${path}`).toBe(403);
          expect(JSON.parse(answer.text).code).toBe("forbidden");
        }
      }
      expect((await member!.client.call("GET", "/api/v1/workspaces/demo")).status).toBe(200);
    });
  });

  test("a server action posted from another origin, or with no Origin at all, is refused", async ({ baseURL, browser }) => {
    const admin = await signInDemo(baseURL!, "admin");
    for (const [name, origin] of [["a foreign Origin", "https://evil.test"], ["no Origin", null]] as const) {
      const email = uniqueEmail("cross-site-accept");
      const invited = await admin.call("POST", "/api/v1/workspaces/demo/invitations", { email, role: "viewer" });
      const invitation = invited.json().data as { id: string; link: string };
      const context = await browser.newContext({ baseURL });
      try {
        const page = await context.newPage();
        // The browser's own form post, resent by Playwright's client (Chromium keeps its real Origin on route.continue).
        const answers: number[] = [];
        await page.route("**/invite/**", async (route) => {
          if (route.request().method() !== "POST") return route.continue();
          const { origin: _dropped, ...headers } = route.request().headers();
          const response = await route.fetch({ headers: origin ? { ...headers, origin } : headers });
          answers.push(response.status());
          await route.fulfill({ response });
        });
        await page.goto(invitation.link);
        const password = attackPassword();
        await page.getByLabel("Choose a password").fill(password);
        await page.getByLabel("Repeat the password").fill(password);
        await page.getByRole("button", { name: "Accept invitation" }).click();
        if (origin) {
          // Next refuses a cross-origin action itself (500, "Invalid Server Actions request") before ours runs.
          await expect.poll(() => answers[0]).toBe(500);
        } else {
          // Next lets an action without Origin through; ours refuses it (lib/http/origin-check.ts).
          await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Cross-site request refused.");
        }
        const pending = (await admin.call("GET", "/api/v1/workspaces/demo/invitations")).json().data as { id: string }[];
        expect(pending.map((entry) => entry.id), name).toContain(invitation.id);
        expect((await credentialsAttempt(baseURL!, { email, password })).status, name).toBe(401);
      } finally {
        await context.close();
        await admin.call("DELETE", `/api/v1/workspaces/demo/invitations/${invitation.id}`);
      }
    }
  });

  test("headers a client or a confused proxy adds do not skip the guard or pick the nonce", async ({ baseURL }) => {
    // x-middleware-subrequest skipped Next's middleware entirely before Next 15.2.3 (CVE-2025-29927).
    for (const value of ["proxy", "proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware", "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy"]) {
      const guarded = await send(baseURL!, "/demo/accounts", { headers: { "x-middleware-subrequest": value } });
      expect(guarded.status, value).toBe(307);
      expect(new URL(guarded.headers.get("location") ?? "", baseURL).pathname, value).toBe("/sign-in");
      const page = await send(baseURL!, "/sign-in", { headers: { "x-middleware-subrequest": value, "x-nonce": "attacker-nonce", "content-security-policy": "script-src *" } });
      const csp = page.headers.get("content-security-policy") ?? "";
      expect(csp, value).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp, value).not.toContain("attacker-nonce");
      expect(page.text, value).not.toContain("attacker-nonce");
    }
  });

  test("Next's image optimizer neither fetches a private slide with the caller's cookie nor serves it to anyone", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "viewer", label: "optimizer" }], async ([member]) => {
      const posts = await send(baseURL!, "/demo/posts", { headers: { cookie: member!.client.cookie } });
      const slide = /\/api\/v1\/workspaces\/demo\/posts\/[0-9a-f-]{36}\/slides\/0/.exec(posts.text)?.[0];
      expect(slide).toBeTruthy();
      expect((await send(baseURL!, slide!, { headers: { cookie: member!.client.cookie } })).headers.get("content-type")).toMatch(/^image\//);
      const optimized = `/_next/image?url=${encodeURIComponent(slide!)}&w=64&q=75`;
      for (const headers of [{ cookie: member!.client.cookie, accept: "image/webp" }, { accept: "image/webp" }] as Record<string, string>[]) {
        const answer = await send(baseURL!, optimized, { headers });
        expect(answer.status, JSON.stringify(Object.keys(headers))).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(answer.headers.get("content-type") ?? "").not.toMatch(/^image\//);
      }
      for (const url of ["http://127.0.0.1/admin", "//evil.test/x.png", "http://169.254.169.254/latest/meta-data/"]) {
        expect((await send(baseURL!, `/_next/image?url=${encodeURIComponent(url)}&w=64&q=75`)).status, url).toBe(400);
      }
    });
  });

  test("signed-in pages, API answers and 404s carry the headers; each page gets its own nonce", async ({ baseURL, browser }) => {
    await withMembers(baseURL!, browser, [{ role: "viewer", label: "headers" }], async ([member]) => {
      const nonces = new Set<string>();
      for (const path of ["/demo", "/demo/accounts", "/no-such-page", "/api/v1/workspaces/demo", "/api/v1/workspaces/acme"]) {
        const answer = await send(baseURL!, path, { headers: { cookie: member!.client.cookie } });
        const csp = answer.headers.get("content-security-policy") ?? "";
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(csp, path).toContain("object-src 'none'");
        expect(answer.headers.get("x-frame-options"), path).toBe("DENY");
        expect(answer.headers.get("x-content-type-options"), path).toBe("nosniff");
        const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
        expect(nonce, path).toBeTruthy();
        nonces.add(nonce!);
        if (!path.startsWith("/api/")) {
          // Every script the page ships carries this response's nonce, and only it.
          const scripts = [...answer.text.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
          expect(scripts.length, path).toBeGreaterThan(0);
          for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
        }
      }
      expect(nonces.size).toBe(5);
    });
  });
});
