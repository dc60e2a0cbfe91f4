import { z } from "zod";
import { workspaceSlugSchema } from "@/lib/services/workspaces/get-workspace";

export const iso = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
export const workspaceParams = z.object({ workspace: workspaceSlugSchema.meta({ description: "The workspace's slug.", example: "demo" }) });
export const withWorkspace = <S extends z.ZodRawShape>(shape: S) => workspaceParams.extend(shape);
