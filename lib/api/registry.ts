import * as accounts from "./routes/accounts";
import * as apiTokens from "./routes/api-tokens";
import * as jobs from "./routes/jobs";
import * as me from "./routes/me";
import * as members from "./routes/members";
import * as notifications from "./routes/notifications";
import * as overview from "./routes/overview";
import * as posts from "./routes/posts";
import * as sheets from "./routes/sheets";
import * as workspaces from "./routes/workspaces";
import type { Operation } from "./operation";

const { webhookOperations, alertChannelOperations, ...alerts } = notifications;

const isOperation = (value: unknown): value is Operation =>
  typeof value === "object" && value !== null && "method" in value && "path" in value && "errors" in value;

/** Every operation of API v1, in the order the document lists them. */
export const OPERATIONS: Operation[] = [workspaces, overview, accounts, posts, jobs, members, apiTokens, sheets, webhookOperations, alerts, alertChannelOperations, me].flatMap((module) => Object.values(module).filter(isOperation));
