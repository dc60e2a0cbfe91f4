import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { AlertSubjectType } from "@/lib/domain/notifications";

/** What evaluating a rule knows about its workspace and the moment. */
export interface RuleContext<Params> {
  workspaceId: string;
  slug: string;
  timezone: string;
  /** The workspace's local day at `now` (YYYY-MM-DD). */
  today: string;
  now: Date;
  params: Params;
}

/** One subject that breaks a rule; (rule, subject, day) is the dedup key, so `day` is the window. */
export interface AlertCandidate {
  subjectType: AlertSubjectType;
  subjectId: string;
  subjectLabel: string;
  /** Path inside the app: /<workspace>/accounts/<id>. */
  link: string;
  day: string;
  title: string;
  message: string;
  details: Record<string, unknown>;
}

/**
 * A kind of alert rule: its parameters (zod, with defaults) and how to find the subjects that break
 * it. A new kind is one file in lib/services/alerts/rules/ and one line in the registry.
 */
export interface RuleKind<Schema extends z.ZodType = z.ZodType> {
  params: Schema;
  evaluate(db: Db, context: RuleContext<z.infer<Schema>>): Promise<AlertCandidate[]>;
}

export const defineRuleKind = <Schema extends z.ZodType>(kind: RuleKind<Schema>): RuleKind<Schema> => kind;
