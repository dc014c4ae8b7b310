#!/usr/bin/env node
// The `alcn` command: runs src/cli/main.ts through tsx (a runtime dependency), so it works right after `npm ci`.
require("tsx/cjs/api").register();
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`alcn: ${e && e.message ? e.message : String(e)}\n`); process.exitCode = 1; },
);
