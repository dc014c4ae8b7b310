import js from "@eslint/js";
import tseslint from "typescript-eslint";

const officeGlobals = ["Office", "Excel", "OfficeExtension", "CustomFunctions"].map((name) => ({
  name,
  message: "Only src/taskpane/host (and the src/functions edge) may touch Office.",
}));

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**", "**/*.cjs", "**/*.mjs", "**/*.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...officeGlobals, { name: "window", message: "src/core is pure" }, { name: "document", message: "src/core is pure" }, { name: "process", message: "src/core is pure" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "@fluentui/*", "exceljs", "hyperformula", "node:*", "fs", "path", "os", "child_process"], message: "src/core is pure: no UI, Node or engine imports." },
            { group: ["**/functions/**", "**/taskpane/**", "**/cli/**"], message: "src/core imports nothing from the layers above it." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/taskpane/components/**/*.{ts,tsx}", "src/taskpane/i18n/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...officeGlobals],
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/host/office*"], message: "Components get host actions through context, never the Office adapter." }, { group: ["hyperformula"], message: "HyperFormula (GPL) never goes into the add-in bundles." }] }],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "no-restricted-imports": ["error", { patterns: [{ group: ["hyperformula", "exceljs"], message: "never inside the add-in bundles" }] }],
    },
  },
);
