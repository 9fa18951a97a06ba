// The mrkdwn rule (scripts/mrkdwnRule.ts) on examples: what it reports and what it lets
// through. `npm run typecheck` runs it over the whole of src/ (on the program it has just
// type-checked, where it costs about a second), so every message the bot sends is covered
// there; a small program of examples here shows the walk would catch a raw string.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { findRawMrkdwn } from "../../scripts/mrkdwnRule";

const root = path.resolve(__dirname, "../..");
const fixture = path.join(root, "test/fixtures/mrkdwn/messages.ts");

describe("the mrkdwn rule", () => {
  it("reports every raw string handed to Slack as mrkdwn, and nothing that is Mrkdwn, plain text or a command", () => {
    const program = ts.createProgram([fixture], {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2023.d.ts"],
      types: ["node"], // src/ uses Node's globals (URL)
      skipLibCheck: true,
      noEmit: true,
    });
    // The examples are well-typed: what the rule reports, the compiler accepts.
    const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics(program.getSourceFile(fixture))];
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);

    const report = findRawMrkdwn(program, {
      root,
      mrkdwnFile: path.join(root, "src/views/mrkdwn.ts"),
      include: (file) => file === fixture,
    });

    const lines = fs.readFileSync(fixture, "utf8").split("\n");
    const marked = lines.flatMap((line, i) => (line.endsWith("// raw") ? [i + 1] : []));
    expect(report.findings.map((f) => Number(/^test\/fixtures\/mrkdwn\/messages\.ts:(\d+):/.exec(f)?.[1]))).toEqual(marked);
    expect(report.findings[0]).toBe("test/fixtures/mrkdwn/messages.ts:12: `text` is string, not Mrkdwn");
    expect(report.findings).toContain('test/fixtures/mrkdwn/messages.ts:25: say() given "a literal is still a string", not Mrkdwn');
    // Every string `text` but the plain_text object's and the command's was looked at, the allowed ones included.
    expect(report.checkedTexts).toBe(8);
  });
});
