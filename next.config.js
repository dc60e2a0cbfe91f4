/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // The dev server refuses its HMR socket to origins it does not know; 127.0.0.1 is localhost too.
  allowedDevOrigins: ["127.0.0.1"],
  // `npm run typecheck` covers tests, scripts and benches; the app build checks only what it ships.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // Native/wasm packages load their own files at run time; keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "playwright-core", "@sparticuz/chromium", "bcryptjs", "rate-limiter-flexible", "ioredis"],
  outputFileTracingIncludes: {
    "/**": ["./supabase/**/*.sql"],
    "/api/docs/[asset]": ["./node_modules/swagger-ui-dist/swagger-ui-bundle.js", "./node_modules/swagger-ui-dist/swagger-ui.css"],
  },
  // The Dockerfile builds a self-contained server (node server.js); `next start` keeps the default.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" } : {}),
};

export default nextConfig;
