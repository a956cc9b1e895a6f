// ESLint for the site's own scripts (builder/assets/*.js): plain browser scripts, no modules, no
// build step. Run by scripts/test: npx eslint --config scripts/eslint.config.mjs builder/assets
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["builder/assets/**/*.js"],
    languageOptions: { ecmaVersion: 2017, sourceType: "script", globals: { ...globals.browser } },
    // A `catch (e)` that ignores the error is how these scripts survive storage and LMS failures.
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  {
    // Node test tools (scripts/independent-checkers.mjs); functions passed to page.evaluate run in the page.
    files: ["scripts/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node, ...globals.browser } },
  },
];
