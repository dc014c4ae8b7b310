/*
 * ALCN build: the functions bundle and the taskpane (shared runtime), plus the preview in development.
 *
 *   npm run build               production → dist/ (office.js from Microsoft's CDN)
 *   npm run build:dev           development → dist/ (+ preview.html, office.js served locally)
 *   npm start                   development build served on http://127.0.0.1:${PORT:-3000}/ (scripts/start.cjs)
 *
 * Environment: ALCN_BASE_URL rewrites the manifest's https://localhost:3000/ (see docs/notes/build.md);
 * `--env outputPath=DIR` writes the build elsewhere (the tests use it).
 */
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const ROOT = __dirname;
const DEV_URL = "https://localhost:3000/";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_NPM = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

/** The files whose JSDoc is the registration (one per family, SPEC §3). */
const FUNCTION_FILES = ["benchmark", "emissions", "followup", "circular"].map((f) => `./src/functions/${f}.ts`);

/**
 * Load TypeScript sources (the catalogue and the ja generator) through tsx, fresh for each compilation so a
 * translation edited during `npm start` shows up on the next rebuild: a new tsx namespace per load, and its
 * modules dropped from require.cache afterwards.
 */
let loadCount = 0;
function loadTypeScript(files) {
  const namespace = `alcn-build-${process.pid}-${++loadCount}`;
  const api = require("tsx/cjs/api").register({ namespace });
  try {
    return files.map((file) => api.require(file, __filename));
  } finally {
    api.unregister();
    for (const key of Object.keys(require.cache)) if (key.endsWith(`?namespace=${namespace}`)) delete require.cache[key];
  }
}

/** Emits functions-ja.json from the emitted functions.json and the core catalogue; fails the build on gaps. */
class JapaneseMetadataPlugin {
  apply(compiler) {
    const name = "JapaneseMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return; // the metadata plugin has already reported its errors
        const text = asset.source.source().toString();
        if (text.trim() === "") {
          compilation.errors.push(new WebpackError("functions.json is empty: no @customfunction found in " + FUNCTION_FILES.join(", ")));
          return;
        }
        try {
          const [{ CATALOGUE }, { japaneseMetadata, missingFromMetadata }] = loadTypeScript(["./src/core/catalogue.ts", "./scripts/functions-ja.ts"]);
          const metadata = JSON.parse(text);
          const ja = japaneseMetadata(metadata, CATALOGUE);
          compilation.emitAsset("functions-ja.json", new sources.RawSource(JSON.stringify(ja, null, 4) + "\n"));
          for (const missing of missingFromMetadata(metadata, CATALOGUE)) {
            compilation.warnings.push(new WebpackError(`ALCN.${missing} is in the catalogue but has no @customfunction wrapper in src/functions`));
          }
        } catch (e) {
          compilation.errors.push(new WebpackError(e instanceof Error ? e.message : String(e)));
        }
      });
    });
  }
}

/** HyperFormula is GPL-3.0 and CLI/preview only: a production build that pulls it in fails. */
class NoHyperFormulaPlugin {
  apply(compiler) {
    const name = "NoHyperFormulaPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.finishModules.tap(name, (modules) => {
        for (const m of modules) {
          const resource = m.resource || "";
          if (/[\\/]node_modules[\\/]hyperformula[\\/]/.test(resource)) {
            compilation.errors.push(new WebpackError(`HyperFormula must not be bundled into the add-in (${path.relative(ROOT, resource)})`));
            return;
          }
        }
      });
    });
  }
}

/** One HTML page: office.js first (blocking, as Office requires), then the bundles (deferred). */
function page({ title, officeJs, body }) {
  return ({ htmlWebpackPlugin }) => `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=Edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" type="image/png" href="assets/icon-32.png">
${officeJs ? `<script src="${officeJs}"></script>\n` : ""}${htmlWebpackPlugin.tags.headTags}
</head>
<body>
${body}
</body>
</html>
`;
}

/** The manifest with its development origin replaced (ALCN_BASE_URL, or another port in development). */
function manifestTransform(baseUrl) {
  const base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  const origin = new URL(base).origin; // AppDomain holds the origin only
  return (content) => content.toString().split(DEV_URL).join(base).split(DEV_URL.slice(0, -1)).join(origin);
}

module.exports = (env = {}, argv = {}) => {
  const dev = (argv.mode || process.env.NODE_ENV || "production") !== "production";
  const outputPath = env.outputPath ? path.resolve(env.outputPath) : path.join(ROOT, "dist");
  const port = Number(process.env.PORT || 3000);
  // The manifest follows PORT only in development (npm start); production uses ALCN_BASE_URL or the default.
  const baseUrl = process.env.ALCN_BASE_URL || (dev && port !== 3000 ? `https://localhost:${port}/` : DEV_URL);
  if (!/^https:\/\/[^/]+/.test(baseUrl)) throw new Error(`ALCN_BASE_URL must be an https:// URL (Office loads add-ins only over HTTPS), got "${baseUrl}"`);
  // Development pages use the npm copy of office.js (served locally, also offline); production uses the CDN.
  const officeJs = dev ? "office-js/office.js" : OFFICE_CDN;

  const entry = {
    functions: "./src/functions/index.ts",
    // In a shared runtime the taskpane page is also the functions' page: taskpane.js bundles the functions
    // entry and the pane together, so both use one module instance (one ParameterStore, one language).
    // (Decision 504: not `dependOn`, which breaks webpack-dev-server's injected client.)
    taskpane: ["./src/functions/index.ts", "./src/taskpane/index.tsx"],
  };
  if (dev) entry.preview = "./src/preview/index.tsx";

  const pages = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      chunks: ["taskpane"],
      scriptLoading: "defer",
      inject: false,
      templateContent: page({ title: "ALCN", officeJs, body: '<div id="root"></div>' }),
    }),
    new HtmlWebpackPlugin({
      filename: "functions.html",
      chunks: ["functions"],
      scriptLoading: "defer",
      inject: false,
      templateContent: page({ title: "ALCN functions", officeJs, body: "" }),
    }),
  ];
  if (dev) {
    pages.push(
      new HtmlWebpackPlugin({
        filename: "preview.html",
        chunks: ["preview"],
        scriptLoading: "defer",
        inject: false,
        // No office.js: the preview runs the pane on the fake host and never touches Office (outside Office,
        // office.js only warns and calls its telemetry service).
        templateContent: page({ title: "ALCN プレビュー / preview", officeJs: undefined, body: '<div id="root"></div>' }),
      }),
    );
  }

  const copies = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "manifest.xml", to: "manifest.xml", transform: manifestTransform(baseUrl) },
  ];
  if (dev) {
    // office.js and the strings it loads outside Office; the dev server also maps the whole npm dist
    // (host scripts such as excel-win32-16.01.js) under /office-js for a sideloaded development add-in.
    for (const f of ["office.js", "en-us/office_strings.js", "ja-jp/office_strings.js"]) {
      copies.push({ from: path.join(OFFICE_NPM, f), to: `office-js/${f}` });
    }
  }

  const plugins = [
    new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
    new JapaneseMetadataPlugin(),
    ...pages,
    new CopyWebpackPlugin({ patterns: copies }),
  ];
  if (!dev) plugins.push(new NoHyperFormulaPlugin());

  return {
    mode: dev ? "development" : "production",
    context: ROOT,
    devtool: dev ? "cheap-module-source-map" : false,
    entry,
    output: { path: outputPath, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    plugins,
    // The SPEC budgets are gzip sizes (functions ≤ 100 KB, taskpane ≤ 400 KB), checked by test/build.
    performance: { hints: false },
    devServer: {
      host: "127.0.0.1",
      port,
      server: "http",
      headers: { "Access-Control-Allow-Origin": "*" },
      devMiddleware: { index: "preview.html" },
      static: [{ directory: OFFICE_NPM, publicPath: "/office-js", watch: false }],
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};

// For the tests (test/build, test/manifest).
module.exports.FUNCTION_FILES = FUNCTION_FILES;
module.exports.manifestTransform = manifestTransform;
module.exports.OFFICE_CDN = OFFICE_CDN;
