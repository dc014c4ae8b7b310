#!/usr/bin/env node
/*
 * npm start: a development build served by webpack-dev-server.
 *
 *   npm start                  plain HTTP on http://127.0.0.1:${PORT:-3000}/ — the preview at /, the add-in
 *                              pages, functions.json, functions-ja.json, manifest.xml (works on Linux, no Excel)
 *   npm start -- --https       HTTPS on https://localhost:${PORT:-3000}/ for a sideloaded add-in in real Excel
 *                              (also ALCN_HTTPS=1); certificate from HTTPS_CERT/HTTPS_KEY[/HTTPS_CA] or from
 *                              ~/.office-addin-dev-certs (created by `npx office-addin-dev-certs install`)
 *
 * Ctrl+C stops it. No Office debugging packages are used (they do not install or run on Linux).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");

const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  process.stderr.write(`PORT must be a TCP port number, got "${process.env.PORT}"\n`);
  process.exit(2);
}
process.env.PORT = String(port);
const https = process.argv.includes("--https") || /^(1|true|yes)$/i.test(process.env.ALCN_HTTPS || "");

/** The certificate for --https: explicit files, else the office-addin-dev-certs location. */
function certificate() {
  const devCerts = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = process.env.HTTPS_CERT || path.join(devCerts, "localhost.crt");
  const key = process.env.HTTPS_KEY || path.join(devCerts, "localhost.key");
  const ca = process.env.HTTPS_CA || path.join(devCerts, "ca.crt");
  for (const f of [cert, key]) {
    if (!fs.existsSync(f)) {
      process.stderr.write(
        `No certificate at ${f}.\n` +
          "Create and trust one once with `npx office-addin-dev-certs install` (Windows/macOS), or point\n" +
          "HTTPS_CERT and HTTPS_KEY at your own (e.g. from mkcert). Without --https the server runs on plain HTTP.\n",
      );
      process.exit(2);
    }
  }
  const options = { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
  if (fs.existsSync(ca)) options.ca = fs.readFileSync(ca);
  return options;
}

function banner(base) {
  const manifest = `${base}manifest.xml`;
  return `
ALCN development server
  preview (taskpane beside a demo workbook, fake host):  ${base}
  taskpane page:                                          ${base}taskpane.html
  custom functions metadata:                              ${base}functions.json, ${base}functions-ja.json
  manifest for this server:                               ${manifest}

Sideloading into Excel (needs HTTPS: Office loads add-ins only from https:// URLs)
  0. Once: \`npx office-addin-dev-certs install\` creates a localhost certificate and trusts it
     (or use mkcert and HTTPS_CERT/HTTPS_KEY). Then run \`npm start -- --https\`.
     The repository's manifest.xml points at https://localhost:3000/; for another PORT use ${manifest}.
  Windows:  share a folder holding manifest.xml; Excel > File > Options > Trust Center > Trust Center
            Settings > Trusted Add-in Catalogs: add \\\\<computer>\\<share>, tick "Show in Menu", restart Excel;
            Home > Add-ins > More Add-ins > SHARED FOLDER > ALCN > Add.
  macOS:    copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ (create wef),
            restart Excel; Home > Add-ins (or Insert > My Add-ins) > ALCN under the developer add-ins.
  Web:      open a workbook on excel.office.com; Home > Add-ins > More Add-ins > My Add-ins >
            Upload My Add-in > manifest.xml > Upload.
  Then: Home > ALCN pane; in a cell type =ALCN. to see the functions (descriptions in Japanese in ja-JP Excel).
Press Ctrl+C to stop.
`;
}

async function main() {
  const makeConfig = require("../webpack.config.js");
  const config = makeConfig({}, { mode: "development" });
  const host = process.env.HOST || (https ? "localhost" : "127.0.0.1");
  const devServer = {
    ...config.devServer,
    host,
    port,
    server: https ? { type: "https", options: certificate() } : "http",
  };
  const compiler = webpack(config);
  const server = new WebpackDevServer(devServer, compiler);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  compiler.hooks.done.tap("alcn-start", (stats) => {
    if (stats.hasErrors()) process.stdout.write("\nBuild has errors (see above); the server keeps running and rebuilds on change.\n");
  });
  await server.start();
  const shownHost = https ? "localhost" : host;
  process.stdout.write(banner(`${https ? "https" : "http"}://${shownHost}:${port}/`));
}

main().catch((e) => {
  process.stderr.write(`npm start: ${e && e.message ? e.message : String(e)}\n`);
  process.exit(1);
});
