// Escaping by construction, checked with the type checker. Our builders (section,
// context, ephemeral, Reply, the outbox's Delivery…) take only Mrkdwn, so the compiler
// refuses a raw string there. Bolt's own calls (client.chat.postMessage, chat.update,
// respond, ack…) take any string, so this walks the program and reports any object
// whose `text` Slack reads as mrkdwn, or any string handed to respond/say, unless its
// type is Mrkdwn: made by md, esc and the helpers in src/views/mrkdwn.ts.
//
// `npm run typecheck` (scripts/typecheck.ts) runs it over src/ on the program it has
// just checked, where the types are already worked out; test/views/mrkdwnTypes.test.ts
// runs it over small examples, to show what it finds and what it lets through.
import path from "node:path";
import ts from "typescript";

export interface MrkdwnReport {
  /** "file:line: what", one for each raw text. */
  findings: string[];
  /** How many string `text`s were looked at (a broken walk would find nothing and pass). */
  checkedTexts: number;
}

/** { type: "plain_text", text } (with or without `as const`). */
function isPlainTextObject(node: ts.ObjectLiteralExpression): boolean {
  return node.properties.some((p) => {
    if (!ts.isPropertyAssignment(p) || p.name.getText() !== "type") return false;
    let value: ts.Expression = p.initializer;
    while (ts.isAsExpression(value) || ts.isParenthesizedExpression(value)) value = value.expression;
    return ts.isStringLiteral(value) && value.text === "plain_text";
  });
}

/**
 * Walks the program's files that `include` accepts. `mrkdwnFile` is src/views/mrkdwn.ts
 * (where the Mrkdwn type is declared); file names in findings are relative to `root`.
 */
export function findRawMrkdwn(
  program: ts.Program,
  opts: { root: string; mrkdwnFile: string; include: (fileName: string) => boolean },
): MrkdwnReport {
  const checker = program.getTypeChecker();
  const mrkdwnSource = program.getSourceFile(opts.mrkdwnFile);
  if (!mrkdwnSource) throw new Error(`${opts.mrkdwnFile} is not in the program`);
  const alias = mrkdwnSource.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === "Mrkdwn");
  if (!alias) throw new Error(`${opts.mrkdwnFile} declares no Mrkdwn type`);
  const mrkdwn = checker.getTypeAtLocation(alias.name);
  const isMrkdwn = (type: ts.Type) => checker.isTypeAssignableTo(checker.getNonNullableType(type), mrkdwn);
  const where = (node: ts.Node) => {
    const file = node.getSourceFile();
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    return `${path.relative(opts.root, file.fileName)}:${line + 1}`;
  };
  const report: MrkdwnReport = { findings: [], checkedTexts: 0 };

  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const objectType = checker.getTypeAtLocation(node);
      const text = objectType.getProperty("text");
      // plain_text objects are not mrkdwn: Slack parses nothing there, and their text is shown as it is.
      // A slash command's body (it has `command`: the bot's warm-up sends one to itself) carries
      // what someone typed to the bot, which Slack never renders.
      const isCommandBody = objectType.getProperty("command") !== undefined;
      if (text && !isPlainTextObject(node) && !isCommandBody) {
        const type = checker.getTypeOfSymbolAtLocation(text, node);
        // Only string-valued `text` is Slack text; other shapes (a text object) are checked where they are built.
        if (checker.isTypeAssignableTo(checker.getNonNullableType(type), checker.getStringType())) {
          report.checkedTexts++;
          if (!isMrkdwn(type)) report.findings.push(`${where(node)}: \`text\` is ${checker.typeToString(type)}, not Mrkdwn`);
        }
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
      const first = node.arguments[0];
      if ((name === "respond" || name === "say") && first) {
        const type = checker.getTypeAtLocation(first);
        if (checker.isTypeAssignableTo(type, checker.getStringType()) && !isMrkdwn(type))
          report.findings.push(`${where(node)}: ${name}() given ${checker.typeToString(type)}, not Mrkdwn`);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !opts.include(file.fileName)) continue;
    visit(file);
  }
  return report;
}
