import { env } from "@/lib/env";
import { createLocalStorage } from "./local-storage";
import type { Storage } from "./storage";
import { createSupabaseStorage } from "./supabase-storage";

let cached: Storage | undefined;

/** Supabase Storage when its URL and service-role key are configured, else files under REACH_DATA_DIR. */
export function getStorage(): Storage {
  cached ??=
    env.SUPABASE_URL && env.SUPABASE_SERVICE_ROLE_KEY
      ? createSupabaseStorage({
          url: env.SUPABASE_URL,
          serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY,
          bucket: env.SUPABASE_STORAGE_BUCKET,
        })
      : createLocalStorage({ dataDir: env.REACH_DATA_DIR, bucket: env.SUPABASE_STORAGE_BUCKET });
  return cached;
}
