import { overviewSchema } from "@/lib/services/overview/get-overview";
import { defineOperation } from "../operation";
import { workspaceParams } from "./common";

export const getOverview = defineOperation({
  id: "getOverview",
  method: "GET",
  path: "/workspaces/{workspace}/overview",
  tag: "Workspaces",
  summary: "The morning page: followers across active accounts with 30 days of totals, movers, failures, today's pipeline, the week's top posts and the last runs",
  role: "viewer",
  params: workspaceParams,
  data: overviewSchema.meta({ id: "Overview" }),
  examples: {},
});
