import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import regexp from "eslint-plugin-regexp";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "public/build/", "node_modules/", "data/", "test-results/", "playwright-report/", ".cache/", ".cluster/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Every pattern must run in linear time, whatever the input (issue 13): a pattern that can
    // backtrack lets one request hold the server for seconds.
    files: ["**/*.{ts,tsx,js,mjs}"],
    plugins: { regexp },
    rules: {
      "regexp/no-super-linear-backtracking": ["error", { report: "potential" }],
      "regexp/no-super-linear-move": ["error", { report: "potential", ignoreSticky: false, ignorePartial: false }],
      "regexp/no-misleading-capturing-group": "error",
    },
  },
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // CommonJS configuration files (the layer check's .dependency-cruiser.cjs).
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
  {
    // Rules that need the types (issue 19): a promise nobody awaits loses its failure, one handed
    // to an event handler is never awaited, and a switch over a union must name every member
    // (or say why not with a default), so adding a member finds every place that must handle it.
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // Numbers and dates for people are written in one place each (utils/numbers.ts,
    // utils/dates.ts, and utils/london-time.ts for machine days), so a page, a mail and a PDF say
    // them alike and a second language changes two files (issue 19).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/utils/numbers.ts", "app/utils/dates.ts", "app/utils/london-time.ts", "**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...["toLocaleString", "toLocaleDateString", "toLocaleTimeString"].map((property) => ({
          property,
          message: "Format numbers with utils/numbers.ts and dates with utils/dates.ts.",
        })),
        ...["NumberFormat", "DateTimeFormat"].map((property) => ({
          object: "Intl",
          property,
          message: "Format numbers with utils/numbers.ts and dates with utils/dates.ts.",
        })),
      ],
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "18.3" } },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      "react/prop-types": "off",
      // A scrolling region (a wide table on a phone) must take focus so keyboards can scroll it.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"] }],
    },
  },
);
