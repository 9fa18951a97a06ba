// Where the web pages' files are. The templates and our own assets stay in
// src/web (tsc copies only code to dist/), and this path works from both: from
// src/web/kit and from dist/web/kit, three folders up is the project's root.
import path from "node:path";

export const PROJECT_ROOT = path.resolve(__dirname, "..", "..", "..");
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, "src", "web", "templates");
export const OWN_ASSETS_DIR = path.join(PROJECT_ROOT, "src", "web", "assets");
/** govuk-frontend's compiled package: dist/govuk holds the CSS, JS, template, macros and assets. */
export const GOVUK_DIST = path.join(path.dirname(require.resolve("govuk-frontend/package.json")), "dist");
