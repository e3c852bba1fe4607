// Every server action, route handler and socket event, called as each role, as an anonymous
// caller and with a share link's token against the production server. Each expected denial
// is asserted, and a table row is required for every server action and route the build contains.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { io as connectSocket } from "socket.io-client";
import { E2E_PORT } from "../playwright.config";
import { createShareLinkOnPage, declareIncident, ensureUser, E2E_USER_PASSWORD, signedInPage, stepCard } from "./helpers";

test.describe.configure({ mode: "serial" });

type Role = "admin" | "commander" | "responder" | "viewer";
// "share" sends a share link's token for the fixture's incident and no session cookie.
type CallerName = Role | "anonymous" | "share";
const ROLES: Role[] = ["admin", "commander", "responder", "viewer"];
const CALLERS: CallerName[] = [...ROLES, "anonymous", "share"];
const SHARE_TOKEN_HEADER = "x-runbridge-share-token";
const DENIAL_CODES = ["FORBIDDEN", "UNAUTHENTICATED"];

interface Fixture {
  incidentId: string;
  resolveIncidentId: string;
  stepIds: string[];
  targetUserId: string;
  /** Share tokens for incidentId and for resolveIncidentId. */
  shareToken: string;
  otherShareToken: string;
}

interface ActionRow {
  allowed: Role[];
  input: (fixture: Fixture, caller: CallerName, index: number) => unknown;
}

// Server actions by exported name. Sign-in and sign-out are next-auth flows, not gated.
const ACTION_MATRIX: Record<string, ActionRow> = {
  declareIncidentAction: {
    allowed: ["admin", "commander"],
    input: (_fixture, caller) => ({ title: `Matrix declared by ${caller}`, severityLevel: 3, scenarioKey: "cdn-asset-failure" }),
  },
  recordStepAction: {
    allowed: ["admin", "commander", "responder"],
    input: (fixture, _caller, index) => ({ incidentId: fixture.incidentId, stepId: fixture.stepIds[index], expectedVersion: 0, to: "in_progress" }),
  },
  addNoteAction: {
    allowed: ["admin", "commander", "responder"],
    input: (fixture, caller) => ({ incidentId: fixture.incidentId, text: `Note from ${caller}` }),
  },
  postUpdateAction: {
    allowed: ["admin", "commander"],
    input: (fixture, caller) => ({ incidentId: fixture.incidentId, text: `Update from ${caller}` }),
  },
  createShareLinkAction: {
    allowed: ["admin", "commander"],
    input: (fixture, caller) => ({ incidentId: fixture.incidentId, label: `Matrix link by ${caller}`, expiresInHours: 1, showNames: false }),
  },
  listShareLinksAction: { allowed: ["admin", "commander"], input: (fixture) => ({ incidentId: fixture.incidentId }) },
  // An unknown link: allowed callers get NOT_FOUND, so the fixture's link stays active.
  revokeShareLinkAction: { allowed: ["admin", "commander"], input: (fixture) => ({ incidentId: fixture.incidentId, shareLinkId: "no-such-link" }) },
  resolveIncidentAction: {
    allowed: ["admin", "commander"],
    input: (fixture) => ({ incidentId: fixture.resolveIncidentId, summary: "Matrix" }),
  },
  runStepAction: {
    allowed: ["admin", "commander", "responder"],
    input: (fixture, _caller, index) => ({ incidentId: fixture.incidentId, stepId: fixture.stepIds[index], expectedVersion: 0 }),
  },
  cancelStepRunAction: { allowed: ["admin", "commander", "responder"], input: (fixture, _caller, index) => ({ incidentId: fixture.incidentId, stepId: fixture.stepIds[index] }) },
  requestStepApprovalAction: {
    allowed: ["admin", "commander", "responder"],
    input: (fixture, _caller, index) => ({ incidentId: fixture.incidentId, stepId: fixture.stepIds[index] }),
  },
  decideStepApprovalAction: {
    allowed: ["admin", "commander"],
    input: (fixture, _caller, index) => ({ incidentId: fixture.incidentId, stepId: fixture.stepIds[index], decision: "reject" }),
  },
  configureStepAction: {
    allowed: ["admin"],
    input: (fixture) => ({ incidentId: fixture.incidentId, stepId: fixture.stepIds[9], expectedVersion: 0, kind: "manual", params: {}, dangerous: false }),
  },
  // Invalid for everyone, so the admin's call stops at validation and keeps the settings.
  saveAutomationSettingsAction: { allowed: ["admin"], input: () => ({ commandAllowedExecutables: ["relative/path"] }) },
  saveRunbookStepSettingAction: { allowed: ["admin"], input: () => ({ runbookId: "" }) },
  // Empty input: the admin's call stops at validation, so the runbook library is unchanged.
  previewRunbookAction: { allowed: ["admin"], input: () => ({}) },
  importRunbookAction: { allowed: ["admin"], input: () => ({}) },
  editRunbookVersionAction: { allowed: ["admin"], input: () => ({}) },
  markRunbookReviewedAction: { allowed: ["admin"], input: () => ({}) },
  createUserAction: {
    allowed: ["admin"],
    input: (_fixture, caller) => ({ email: `matrix-created-by-${caller}@e2e.test`, name: "Created", password: E2E_USER_PASSWORD, role: "viewer" }),
  },
  changeUserRoleAction: { allowed: ["admin"], input: (fixture) => ({ userId: fixture.targetUserId, role: "viewer" }) },
  resetUserPasswordAction: { allowed: ["admin"], input: (fixture) => ({ userId: fixture.targetUserId, password: E2E_USER_PASSWORD }) },
  setUserActiveAction: { allowed: ["admin"], input: (fixture) => ({ userId: fixture.targetUserId, active: true }) },
  endUserSessionsAction: { allowed: ["admin"], input: (fixture) => ({ userId: fixture.targetUserId }) },
  // Review edits target the resolved incident. Inputs are valid, so a responder is denied by
  // the incident check that follows validation.
  saveWriteUpAction: {
    allowed: ["admin", "commander"],
    input: (fixture) => ({
      incidentId: fixture.resolveIncidentId,
      expectedVersion: 0,
      summary: "Matrix",
      rootCause: "",
      contributingFactors: "",
      wentWell: "",
      recommendations: "",
      dataLossMinutes: null,
    }),
  },
  addActionItemAction: {
    allowed: ["admin", "commander"],
    input: (fixture, caller) => ({ incidentId: fixture.resolveIncidentId, title: `Follow up for ${caller}`, owner: "Platform team", dueDate: "2027-01-31" }),
  },
  setActionItemDoneAction: { allowed: ["admin", "commander"], input: (fixture) => ({ incidentId: fixture.resolveIncidentId, actionItemId: "no-such-item", done: true }) },
  setChecklistItemAction: { allowed: ["admin", "commander"], input: (fixture) => ({ incidentId: fixture.resolveIncidentId, position: 0, done: true }) },
  addAnnotationAction: {
    allowed: ["admin", "commander"],
    input: (fixture) => ({ incidentId: fixture.resolveIncidentId, targetSeq: null, text: "Matrix addition", reason: "Matrix", occurredAt: null }),
  },
  addStepFeedbackAction: {
    allowed: ["admin", "commander"],
    input: (fixture) => ({ incidentId: fixture.resolveIncidentId, kind: "missing", stepId: null, missingStepTitle: "Matrix step", comment: "Matrix" }),
  },
  archiveReviewAction: { allowed: ["admin", "commander"], input: (fixture) => ({ incidentId: fixture.resolveIncidentId }) },
  // The target user is a viewer, who can hold no incident role, step or command: allowed
  // callers get INVALID_INPUT (NOT_FOUND for the removal) and the incident keeps its roles.
  assignIncidentRoleAction: { allowed: ["admin", "commander"], input: (fixture) => ({ incidentId: fixture.incidentId, userId: fixture.targetUserId, role: "operations" }) },
  removeIncidentRoleAction: { allowed: ["admin", "commander"], input: (fixture) => ({ incidentId: fixture.incidentId, userId: fixture.targetUserId, role: "operations" }) },
  assignStepAction: {
    allowed: ["admin", "commander"],
    input: (fixture) => ({ incidentId: fixture.incidentId, stepId: fixture.stepIds[8], expectedVersion: 0, assigneeId: fixture.targetUserId }),
  },
  handOverCommandAction: { allowed: ["admin", "commander"], input: (fixture) => ({ incidentId: fixture.incidentId, toUserId: fixture.targetUserId }) },
  // Ends the caller's own sessions, so it runs last.
  signOutEverywhereAction: { allowed: ROLES, input: () => ({}) },
};
const UNGATED_ACTIONS = ["signInAction", "signOutAction"];

// Route handlers by path pattern under app/. Health checks and next-auth's own route are public.
// `share: true` marks the routes a share link may call for its own incident.
const ROUTE_MATRIX: Record<string, { allowed: Role[]; share?: boolean; url: (fixture: Fixture) => string; method?: "GET" | "POST" }> = {
  "api/incidents/[id]": { allowed: ROLES, url: (fixture) => `/api/incidents/${fixture.incidentId}` },
  "api/incidents/[id]/status": { allowed: ROLES, share: true, url: (fixture) => `/api/incidents/${fixture.incidentId}/status` },
  "api/incidents/[id]/events": { allowed: ROLES, url: (fixture) => `/api/incidents/${fixture.incidentId}/events?after=0` },
  "api/time": { allowed: ROLES, url: () => "/api/time" },
  "api/incidents/[id]/review": { allowed: ["admin", "commander", "responder"], url: (fixture) => `/api/incidents/${fixture.resolveIncidentId}/review` },
  "api/incidents/[id]/steps/[stepId]/evidence": {
    allowed: ["admin", "commander", "responder"],
    method: "POST",
    url: (fixture) => `/api/incidents/${fixture.incidentId}/steps/${fixture.stepIds[0]}/evidence`,
  },
  "api/incidents/[id]/review/export": { allowed: ["admin", "commander", "responder"], url: (fixture) => `/api/incidents/${fixture.resolveIncidentId}/review/export?format=json` },
};
const PUBLIC_ROUTES = ["api/auth/[...nextauth]", "api/health", "api/health/database"];

async function readStep(request: APIRequestContext, incidentId: string, title: string): Promise<{ state: string; version: number }> {
  const view = (await (await request.get(`/api/incidents/${incidentId}`)).json()) as { steps: { title: string; state: string; version: number }[] };
  const step = view.steps.find((candidate) => candidate.title === title)!;
  return { state: step.state, version: step.version };
}

interface ManifestEntry {
  exportedName: string;
  workers: Record<string, unknown>;
}

function readActionManifest(): Record<string, ManifestEntry> {
  const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> }).node;
}

function findRoutes(folder: string, prefix = ""): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return findRoutes(full, prefix ? `${prefix}/${name}` : name);
    return name === "route.ts" ? [prefix] : [];
  });
}

type ActionOutcome = { ok: true } | { ok: false; error: { code: string; message: string } };

/** Calls a server action the way the browser does: a POST to a page that uses it, with the Next-Action header. */
async function callAction(request: APIRequestContext, actionId: string, pagePath: string, input: unknown): Promise<ActionOutcome> {
  const response = await request.post(pagePath, {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([input]),
  });
  expect(response.status(), `HTTP status of ${pagePath}`).toBe(200);
  return parseActionResponse(await response.text());
}

// The React Server Components payload puts the action's return value on the line "1:…".
function parseActionResponse(body: string): ActionOutcome {
  const line = body.split("\n").find((candidate) => candidate.startsWith("1:"));
  if (!line) throw new Error(`No action result in the response: ${body.slice(0, 300)}`);
  return JSON.parse(line.slice(2)) as ActionOutcome;
}

// "app/incidents/[id]/page" → "/incidents/<id>"
function pagePathOf(worker: string, fixture: Fixture): string {
  return worker.replace(/^app/, "").replace(/\/page$/, "").replace("[id]", fixture.incidentId) || "/";
}

test.describe("permission matrix", () => {
  const contexts = {} as Record<CallerName, BrowserContext>;
  let fixture: Fixture;
  const manifest = readActionManifest();

  test.beforeAll(async ({ browser }) => {
    const admin = await signedInPage(browser);
    contexts.admin = admin.context;
    for (const role of ["commander", "responder", "viewer"] as const) {
      await ensureUser(admin.page, { email: `matrix-${role}@e2e.test`, name: `Matrix ${role}`, role });
    }
    await ensureUser(admin.page, { email: "matrix-target@e2e.test", name: "Matrix target", role: "viewer" });
    const targetRow = admin.page.getByTestId("user-row").filter({ hasText: "matrix-target@e2e.test" });
    await expect(targetRow).toHaveCount(1);

    for (const role of ["commander", "responder", "viewer"] as const) {
      contexts[role] = (await signedInPage(browser, { email: `matrix-${role}@e2e.test`, password: E2E_USER_PASSWORD })).context;
    }
    contexts.anonymous = await browser.newContext();

    const commanderPage = await contexts.commander.newPage();
    const incidentPath = await declareIncident(commanderPage, "Matrix incident", "Complete Database Failure");
    const resolvePath = await declareIncident(commanderPage, "Matrix incident to resolve", "CDN/Asset Failure");
    const incidentId = incidentPath.split("/").pop()!;
    const view = (await (await contexts.commander.request.get(`/api/incidents/${incidentId}`)).json()) as { steps: { id: string }[] };

    const targetUserId = (await targetRow.getAttribute("data-user-id")) ?? "";
    expect(targetUserId).not.toBe("");

    await commanderPage.goto(incidentPath);
    const shareToken = (await createShareLinkOnPage(commanderPage, "Matrix share link")).split("/").pop()!;
    await commanderPage.goto(resolvePath);
    const otherShareToken = (await createShareLinkOnPage(commanderPage, "Matrix other share link")).split("/").pop()!;
    contexts.share = await browser.newContext({ extraHTTPHeaders: { [SHARE_TOKEN_HEADER]: shareToken } });

    fixture = { incidentId, resolveIncidentId: resolvePath.split("/").pop()!, stepIds: view.steps.map((step) => step.id), targetUserId, shareToken, otherShareToken };
    await commanderPage.close();
  });

  test.afterAll(async () => {
    for (const context of Object.values(contexts)) await context.close();
  });

  test("covers every server action and route in the build", () => {
    const built = Object.values(manifest).map((entry) => entry.exportedName).filter((name) => !UNGATED_ACTIONS.includes(name));
    const missingActions = [...new Set(built)].filter((name) => !(name in ACTION_MATRIX));
    expect(missingActions, "server actions without a row in ACTION_MATRIX of e2e/permission-matrix.spec.ts: add one with the roles allowed").toEqual([]);

    const routes = findRoutes(path.join(process.cwd(), "app")).filter((route) => !PUBLIC_ROUTES.includes(route));
    const missingRoutes = routes.filter((route) => !(route in ROUTE_MATRIX));
    expect(missingRoutes, "route handlers without a row in ROUTE_MATRIX of e2e/permission-matrix.spec.ts").toEqual([]);
  });

  for (const [route, row] of Object.entries(ROUTE_MATRIX)) {
    test(`route ${route}`, async () => {
      for (const caller of CALLERS) {
        const request = contexts[caller].request;
        // An upload with no files: allowed callers get a validation error, nothing is stored.
        const response = row.method === "POST" ? await request.post(row.url(fixture), { multipart: { note: "matrix" } }) : await request.get(row.url(fixture));
        if (caller === "anonymous") {
          expect(response.status(), `anonymous GET ${route}`).toBe(401);
        } else if (caller === "share") {
          expect(response.status(), `share link GET ${route}: ${await response.text()}`).toBe(row.share ? 200 : 403);
        } else if (row.allowed.includes(caller)) {
          // Allowed callers may still get a domain error, such as 409 for the review of an open incident.
          expect([200, 400, 404, 409], `${caller} ${route}: ${await response.text()}`).toContain(response.status());
        } else {
          expect(response.status(), `${caller} GET ${route}`).toBe(403);
        }
      }
    });
  }

  test("a share link's token opens its own incident's status and no other", async ({ playwright }) => {
    const other = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${E2E_PORT}`, extraHTTPHeaders: { [SHARE_TOKEN_HEADER]: fixture.otherShareToken } });
    const own = await other.get(`/api/incidents/${fixture.resolveIncidentId}/status`);
    expect(own.status()).toBe(200);
    expect(((await own.json()) as { id: string }).id).toBe(fixture.resolveIncidentId);

    const denied = await other.get(`/api/incidents/${fixture.incidentId}/status`);
    expect(denied.status()).toBe(403);
    expect(((await denied.json()) as { error: string }).error).toBe("This share link is for another incident: a link opens only the incident it was made for.");
    await other.dispose();

    const forged = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${E2E_PORT}`, extraHTTPHeaders: { [SHARE_TOKEN_HEADER]: "A".repeat(43) } });
    const forgedResponse = await forged.get(`/api/incidents/${fixture.incidentId}/status`);
    expect(forgedResponse.status()).toBe(401);
    expect(((await forgedResponse.json()) as { error: string }).error).toBe("This share link was revoked or has expired: ask the incident commander for a new link.");
    await forged.dispose();

    const socket = connectSocket(`http://127.0.0.1:${E2E_PORT}`, { transports: ["websocket"], reconnection: false, auth: { shareToken: fixture.otherShareToken } });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    expect((await socket.timeout(5_000).emitWithAck("incident:watch", { incidentId: fixture.resolveIncidentId })).ok).toBe(true);
    const watchOther = await socket.timeout(5_000).emitWithAck("incident:watch", { incidentId: fixture.incidentId });
    expect(watchOther.ok).toBe(false);
    socket.close();
  });

  test("socket events", async () => {
    for (const caller of CALLERS) {
      const cookies = await contexts[caller].cookies();
      const socket = connectSocket(`http://127.0.0.1:${E2E_PORT}`, {
        transports: ["websocket"],
        reconnection: false,
        extraHeaders: { cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ") },
        auth: caller === "share" ? { shareToken: fixture.shareToken } : {},
      });
      const connected = await new Promise<string>((resolve) => {
        socket.once("connect", () => resolve("connected"));
        socket.once("connect_error", (error) => resolve(error.message));
      });

      if (caller === "anonymous") {
        expect(connected, "anonymous socket").toBe("Not signed in: sign in again to receive live updates.");
        socket.close();
        continue;
      }
      expect(connected, `${caller} socket`).toBe("connected");
      const watched = await socket.timeout(5_000).emitWithAck("incident:watch", { incidentId: fixture.incidentId });
      expect(watched.ok, `${caller} watches the stakeholder view`).toBe(true);
      const joined = await socket.timeout(5_000).emitWithAck("incident:join", { incidentId: fixture.incidentId, afterSeq: 0 });
      if (caller === "share") {
        // A share link never receives the responders' events, which carry notes and names.
        expect(joined).toEqual({ ok: false, error: "A share link may only watch the incident it was made for; it may not view incidents." });
        socket.close();
        continue;
      }
      expect(joined.ok, `${caller} joins the incident room`).toBe(true);
      const time = await socket.timeout(5_000).emitWithAck("time");
      expect(typeof time.serverNow, `${caller} reads the server time`).toBe("number");
      socket.emit("incident:leave", { incidentId: fixture.incidentId });
      socket.close();
    }
  });

  test("a captured server action replayed with a viewer's cookie is denied", async () => {
    const commanderPage = await contexts.commander.newPage();
    await commanderPage.goto(`/incidents/${fixture.incidentId}`);
    const card = stepCard(commanderPage, "Notify stakeholders");

    const captured = commanderPage.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
    await card.getByRole("button", { name: "Start" }).click();
    const request = await captured;
    await expect(card).toHaveAttribute("data-state", "in_progress");
    await commanderPage.close();

    const stepBefore = await readStep(contexts.commander.request, fixture.incidentId, "Notify stakeholders");
    const body = request.postData() ?? "";
    // The replayed body requests a further change of the same step, from its current version.
    expect(body).toContain('"to":"in_progress"');
    const replayed = await contexts.viewer.request.post(new URL(request.url()).pathname, {
      headers: { "Next-Action": request.headers()["next-action"], "Content-Type": request.headers()["content-type"], Accept: "text/x-component" },
      data: body.replace('"to":"in_progress"', '"to":"done"').replace(/"expectedVersion":\d+/, `"expectedVersion":${stepBefore.version}`),
    });
    const outcome = parseActionResponse(await replayed.text());
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe("FORBIDDEN");
    expect(!outcome.ok && outcome.error.message).toContain("Viewers can watch incidents but not change them");

    const stepAfter = await readStep(contexts.commander.request, fixture.incidentId, "Notify stakeholders");
    expect(stepAfter).toEqual(stepBefore);
  });

  test("denials appear in the audit log", async () => {
    const page = await contexts.admin.newPage();
    await page.goto("/admin/audit?action=permission_denied&email=matrix-viewer");
    const rows = page.getByTestId("audit-row");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    for (const action of await rows.evaluateAll((items) => items.map((item) => item.getAttribute("data-action")))) expect(action).toBe("permission_denied");
    await expect(rows.filter({ hasText: "operation=action recordStep" }).first()).toContainText("role=viewer");
    await page.close();
  });

  for (const [exportedName, row] of Object.entries(ACTION_MATRIX)) {
    test(`server action ${exportedName}`, async () => {
      const [actionId, entry] = Object.entries(manifest).find(([, candidate]) => candidate.exportedName === exportedName) ?? [];
      expect(actionId, `${exportedName} is in the build`).toBeTruthy();
      const pagePath = pagePathOf(Object.keys(entry!.workers)[0], fixture);

      for (const [index, caller] of CALLERS.entries()) {
        const outcome = await callAction(contexts[caller].request, actionId!, pagePath, row.input(fixture, caller, index));
        const allowed = caller !== "anonymous" && caller !== "share" && row.allowed.includes(caller);
        if (allowed) {
          expect(outcome.ok || !DENIAL_CODES.includes(outcome.error.code), `${caller} may call ${exportedName}: ${JSON.stringify(outcome)}`).toBe(true);
        } else {
          expect(outcome.ok, `${caller} must be denied ${exportedName}`).toBe(false);
          expect(!outcome.ok && outcome.error.code, `${caller} calling ${exportedName}`).toBe(caller === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN");
        }
      }
    });
  }

});
