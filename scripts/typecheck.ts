// npm run typecheck: what `tsc --noEmit` checks (everything tsconfig.json includes), then,
// on the same program, the one house rule the compiler cannot state by itself: every text
// the bot hands Slack as mrkdwn is Mrkdwn (scripts/mrkdwnRule.ts). On the program just
// checked the types are already worked out, so the rule costs about a second; on a program
// of its own it cost a test 11 s.
import path from "node:path";
import ts from "typescript";
import { findRawMrkdwn } from "./mrkdwnRule";

const root = path.resolve(__dirname, "..");
const src = path.join(root, "src") + path.sep;

const configPath = path.join(root, "tsconfig.json");
const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath);
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, configFileParsingDiagnostics: parsed.errors });
const diagnostics = [...(error ? [error] : []), ...ts.getPreEmitDiagnostics(program)];

const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" };
if (diagnostics.length) {
  const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  process.stdout.write(format(diagnostics, host));
  process.stdout.write(`\nFound ${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"}.\n`);
}

const { findings, checkedTexts } = findRawMrkdwn(program, {
  root,
  mrkdwnFile: path.join(root, "src/views/mrkdwn.ts"),
  // The domain and the store never hand Slack anything (the layer rules keep Slack out of
  // them), and a `text` there is data with its own shape: a GOV.UK step's text, a problem's
  // journey text. What reaches Slack is built in views, app, messaging and scheduler. The web
  // pages are HTML, escaped by Nunjucks' autoescape: a `text` there is a GOV.UK macro's. An
  // email's parts (src/views/email) are plain text that its renderers escape for HTML.
  include: (file) =>
    file.startsWith(src) &&
    !file.includes(`${path.sep}generated${path.sep}`) &&
    !file.startsWith(path.join(src, "domain") + path.sep) &&
    !file.startsWith(path.join(src, "store") + path.sep) &&
    !file.startsWith(path.join(src, "web") + path.sep) &&
    !file.startsWith(path.join(src, "views", "email") + path.sep) &&
    // An email's `text` is its plain-text part, for a mail program, not Slack: the adapters and
    // the email dispatcher's kinds (src/scheduler/mail/) carry it as the domain wrote it.
    !file.startsWith(path.join(src, "mail") + path.sep) &&
    !file.startsWith(path.join(src, "scheduler", "mail") + path.sep),
});
// A walk that found (almost) no messages is broken, not clean.
if (checkedTexts <= 60) findings.push(`the mrkdwn walk looked at only ${checkedTexts} texts in src/: it is broken`);
if (findings.length) {
  process.stdout.write(
    `\nText handed to Slack as mrkdwn must be Mrkdwn (md, esc and the helpers in src/views/mrkdwn.ts):\n${findings.map((f) => `  ${f}\n`).join("")}`,
  );
}
process.exit(diagnostics.length || findings.length ? 1 : 0);
