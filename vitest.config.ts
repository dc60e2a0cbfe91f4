import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", ".data/**", "e2e/**"],
    environment: "node",
    // Real bcrypt at its lowest cost: sign-in tests compare hundreds of passwords, and none tests the cost.
    env: { BCRYPT_COST: "4" },
    globalSetup: ["tests/global-setup.ts"],
    // Generous: CI shares two cores with other work, and a slow machine must not fail a test.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: "forks",
    // One module graph per worker, not per file: a quarter less CPU. Files must not leave global state behind.
    isolate: false,
    setupFiles: ["tests/next-globals.ts"],
    // Files run in a random order (the seed is printed; --sequence.seed=N repeats it). Tests inside a
    // file keep their written order: a describe may build on what its earlier tests did.
    sequence: { shuffle: { files: true, tests: false } },
    // Much of a database test is spent waiting on Postgres or I/O, so two workers pay off on two cores.
    maxWorkers: 2,
    coverage: {
      provider: "v8",
      include: ["lib/**/*.ts", "app/**/*.ts", "inngest/**/*.ts", "proxy.ts"],
      exclude: ["**/*.test.ts", "**/*.d.ts"],
      reporter: ["text-summary", ["json-summary", { file: "coverage-summary.json" }]],
    },
  },
});
