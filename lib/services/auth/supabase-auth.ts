import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Supabase mode: SUPABASE_URL and its anon key are set, so Supabase Auth owns passwords. */
export const supabaseAuthEnabled = () => Boolean(env.SUPABASE_URL && env.SUPABASE_ANON_KEY);

function client(key: string | undefined): SupabaseClient {
  if (!env.SUPABASE_URL || !key) throw new AppError("unavailable", "Supabase Auth is not configured.");
  return createClient(env.SUPABASE_URL, key, { auth: { persistSession: false, autoRefreshToken: false } });
}

export async function verifyWithSupabase(email: string, password: string): Promise<{ id: string; email: string } | null> {
  const { data, error } = await client(env.SUPABASE_ANON_KEY).auth.signInWithPassword({ email, password });
  if (error || !data.user) return null;
  return { id: data.user.id, email: data.user.email ?? email };
}

export async function createSupabaseUser(email: string, password: string): Promise<string> {
  const { data, error } = await client(env.SUPABASE_SERVICE_ROLE_KEY).auth.admin.createUser({
    email,
    password,
    email_confirm: true,
  });
  if (error || !data.user) throw new AppError("conflict", `Supabase Auth refused the user: ${error?.message ?? "unknown"}`);
  return data.user.id;
}
