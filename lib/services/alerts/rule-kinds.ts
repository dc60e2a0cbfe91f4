import type { AlertRuleKind } from "@/lib/domain/notifications";
import type { RuleKind } from "./rule-kind";
import { accountFailing } from "./rules/account-failing";
import { followersChange } from "./rules/followers-change";
import { postFailing } from "./rules/post-failing";
import { postViral } from "./rules/post-viral";
import { runProblem } from "./rules/run-problem";

/** The registry of rule kinds: each kind's parameters and evaluation (lib/domain/notifications.ts names them). */
export const RULE_KINDS: Record<AlertRuleKind, RuleKind> = {
  followers_change: followersChange,
  account_failing: accountFailing,
  run_problem: runProblem,
  post_viral: postViral,
  post_failing: postFailing,
};
