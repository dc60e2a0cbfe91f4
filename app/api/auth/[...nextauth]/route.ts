import { createAuthRoute } from "@/lib/auth/auth-route";
import { authOptions } from "@/lib/auth/options";
import { env } from "@/lib/env";

export const { GET, POST } = createAuthRoute(authOptions, (request) => new URL("/sign-in", env.appUrl ?? request.url));
