/**
 * Browser tests (npm run test:e2e): a development build of the preview served from 127.0.0.1, driven in
 * Debian's chromium through playwright-core. Screenshots go to test-results/.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  testTimeout: 240000,
  // the preview is built once for all files (about 15 s each otherwise)
  globalSetup: "<rootDir>/test/e2e/global-setup.ts",
  globalTeardown: "<rootDir>/test/e2e/global-teardown.ts",
  maxWorkers: 1,
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { isolatedModules: true, module: "commonjs", esModuleInterop: true, resolveJsonModule: true } }],
  },
};
