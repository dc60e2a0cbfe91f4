import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Server modules a "use client" file must not import: they would ship the schema, policy SQL or secrets
// to the browser. Type-only imports are erased by the compiler and stay allowed.
const SERVER_ONLY = [/^@\/lib\/(db|services|auth|jobs|scrapers|storage|rate-limit|demo|sheets)(\/|$)/, /^@\/lib\/env$/, /^@\/inngest(\/|$)/, /^@\/tests(\/|$)/, /^node:/];

const clientBoundary = {
  meta: { type: "problem", schema: [], messages: { server: '"use client" module imports server module "{{source}}"; import a type, or move the value to lib/domain.' } },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
    if (!isClient) return {};
    const check = (node, typeOnly) => {
      const source = node.source?.value;
      if (typeof source !== "string" || typeOnly) return;
      if (SERVER_ONLY.some((pattern) => pattern.test(source))) context.report({ node, messageId: "server", data: { source } });
    };
    return {
      ImportDeclaration(node) {
        const allTypes = node.importKind === "type" || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));
        check(node, allTypes);
      },
      ExportNamedDeclaration: (node) => check(node, node.exportKind === "type"),
      ExportAllDeclaration: (node) => check(node, node.exportKind === "type"),
      ImportExpression: (node) => check(node, false),
    };
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/results/**", "coverage/**"] },
  {
    plugins: { reach: { rules: { "client-boundary": clientBoundary } } },
    rules: {
      // lib/env.ts is the only reader of the environment: it validates every variable once.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "reach/client-boundary": "error",
    },
  },
  {
    files: ["lib/env.ts", "**/*.config.*", "e2e/**", "tests/**", "**/*.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
