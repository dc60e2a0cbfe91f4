/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native/wasm packages load their own files at run time; keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "playwright-core", "@sparticuz/chromium", "bcryptjs"],
  outputFileTracingIncludes: { "/**": ["./supabase/**/*.sql"] },
};

export default nextConfig;
