/** Unit, integration and CLI tests. Type-checking is done once by `tsc` in `npm test`, so ts-jest only transpiles. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { isolatedModules: true, jsx: "react-jsx", module: "commonjs", esModuleInterop: true, resolveJsonModule: true } }],
  },
};
