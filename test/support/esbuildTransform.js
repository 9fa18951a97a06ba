// Jest's TypeScript transform: esbuild strips the types, one file at a time, as ts-jest did with
// isolatedModules, but for the whole tree in a quarter of a second of CPU where TypeScript took five, and
// without loading the TypeScript compiler in every worker. `npm run typecheck` checks the types. esbuild
// is the one tsx runs the bot with in `npm run dev`; jest caches what this returns, keyed by getCacheKey.
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");

// esbuild reads the options that change what a file compiles to (useDefineForClassFields, from
// the target, above all) from the project's own tsconfig.json, comments and all.
const tsconfigRaw = fs.readFileSync(path.join(__dirname, "../../tsconfig.json"), "utf8");
const version = crypto
  .createHash("sha256")
  .update(`${esbuild.version}\0${fs.readFileSync(__filename, "utf8")}\0${tsconfigRaw}`)
  .digest("hex");

module.exports = {
  process(source, filename) {
    const { code, map } = esbuild.transformSync(source, {
      loader: "ts",
      format: "cjs",
      target: "node20",
      platform: "node",
      sourcemap: "external",
      sourcefile: filename,
      tsconfigRaw,
    });
    return { code, map };
  },
  getCacheKey(source, filename, { configString }) {
    return crypto.createHash("sha256").update(`${version}\0${filename}\0${configString}\0${source}`).digest("hex");
  },
};
