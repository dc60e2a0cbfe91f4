import { AuthClient, GoTrueAdminApi } from "@supabase/auth-js";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// The Auth client alone (what supabase-js wraps): supabase-js's createClient also starts a realtime
// client, which needs a global WebSocket that Node 20 lacks.

export interface SupabaseAuthConfig {
  url?: string;
  anonKey?: string;
  serviceRoleKey?: string;
}

const fromEnv = (): SupabaseAuthConfig => ({ url: env.SUPABASE_URL, anonKey: env.SUPABASE_ANON_KEY, serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY });

/** Supabase mode: SUPABASE_URL and its anon key are set, so Supabase Auth owns passwords. */
export const supabaseAuthEnabled = (config = fromEnv()) => Boolean(config.url && config.anonKey);

function authUrl(config: SupabaseAuthConfig): string {
  if (!config.url) throw new AppError("unavailable", "Supabase Auth is not configured.");
  return `${config.url.replace(/\/$/, "")}/auth/v1`;
}

const keyHeaders = (key: string) => ({ apikey: key, Authorization: `Bearer ${key}` });

export async function verifyWithSupabase(email: string, password: string, config = fromEnv()): Promise<{ id: string; email: string } | null> {
  const client = new AuthClient({ url: authUrl(config), headers: keyHeaders(config.anonKey ?? ""), persistSession: false, autoRefreshToken: false });
  const { data, error } = await client.signInWithPassword({ email, password });
  if (error || !data.user) return null;
  return { id: data.user.id, email: data.user.email ?? email };
}

export async function createSupabaseUser(email: string, password: string, options: { emailVerified: boolean }, config = fromEnv()): Promise<string> {
  if (!config.serviceRoleKey) throw new AppError("unavailable", "SUPABASE_SERVICE_ROLE_KEY is required to create users in Supabase Auth.");
  const admin = new GoTrueAdminApi({ url: authUrl(config), headers: keyHeaders(config.serviceRoleKey) });
  const { data, error } = await admin.createUser({ email, password, email_confirm: options.emailVerified });
  if (error || !data.user) throw new AppError("conflict", `Supabase Auth refused the user: ${error?.message ?? "unknown"}`);
  return data.user.id;
}
