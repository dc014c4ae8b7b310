#!/usr/bin/env node
// Run a TypeScript entry (the CLI, the bench) straight from source through tsx.
require("tsx/cjs/api").register();
const path = require("path");
const entry = process.argv[2];
process.argv.splice(1, 2, path.resolve(entry));
require(path.resolve(entry));
