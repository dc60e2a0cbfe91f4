import { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/domain/export-formats";
import { workspaceSlugSchema } from "@/lib/services/workspaces/get-workspace";

export const iso = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
export const workspaceParams = z.object({ workspace: workspaceSlugSchema.meta({ description: "The workspace's slug.", example: "demo" }) });
export const withWorkspace = <S extends z.ZodRawShape>(shape: S) => workspaceParams.extend(shape);

/** `format=csv|xlsx` for every export; CSV when omitted. */
export const exportFormatQuery = { format: z.enum(EXPORT_FORMATS, { message: "format is csv or xlsx." }).default("csv") };
