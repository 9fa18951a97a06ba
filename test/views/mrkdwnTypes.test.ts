// Escaping by construction, checked by the type checker itself. Our builders
// (section, context, ephemeral, Reply, the outbox's Delivery…) take only
// Mrkdwn, so `npm run typecheck` refuses a raw string there. Bolt's own calls
// (client.chat.postMessage, chat.update, respond, ack…) take any string, so
// this test reads the whole of src/ with the compiler and fails on any object
// whose `text` Slack reads as mrkdwn, or any string handed to respond/say,
// unless its type is Mrkdwn: made by md, esc and the helpers in views/mrkdwn.ts.
import path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "../..");

/** { type: "plain_text", text } (with or without `as const`). */
function isPlainTextObject(node: ts.ObjectLiteralExpression): boolean {
  return node.properties.some((p) => {
    if (!ts.isPropertyAssignment(p) || p.name.getText() !== "type") return false;
    let value: ts.Expression = p.initializer;
    while (ts.isAsExpression(value) || ts.isParenthesizedExpression(value)) value = value.expression;
    return ts.isStringLiteral(value) && value.text === "plain_text";
  });
}

function program(): ts.Program {
  const configPath = path.join(root, "tsconfig.json");
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const files = options.fileNames.filter((f) => f.startsWith(path.join(root, "src") + path.sep) && !f.includes(`${path.sep}generated${path.sep}`));
  return ts.createProgram(files, { ...options.options, noEmit: true });
}


describe("the type checker refuses raw text where Slack reads mrkdwn", () => {
  let findings: string[] = [];
  let checkedTexts = 0;

  beforeAll(() => {
    const prog = program();
    const checker = prog.getTypeChecker();
    const mrkdwnFile = prog.getSourceFile(path.join(root, "src/views/mrkdwn.ts"))!;
    const alias = mrkdwnFile.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === "Mrkdwn")!;
    const mrkdwn = checker.getTypeAtLocation(alias.name);
    const isMrkdwn = (type: ts.Type) => checker.isTypeAssignableTo(checker.getNonNullableType(type), mrkdwn);
    const where = (node: ts.Node) => {
      const file = node.getSourceFile();
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      return `${path.relative(root, file.fileName)}:${line + 1}`;
    };

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
            checkedTexts++;
            if (!isMrkdwn(type)) findings.push(`${where(node)}: \`text\` is ${checker.typeToString(type)}, not Mrkdwn`);
          }
        }
      }
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
        const first = node.arguments[0];
        if ((name === "respond" || name === "say") && first) {
          const type = checker.getTypeAtLocation(first);
          if (checker.isTypeAssignableTo(type, checker.getStringType()) && !isMrkdwn(type)) findings.push(`${where(node)}: ${name}() given ${checker.typeToString(type)}, not Mrkdwn`);
        }
      }
      ts.forEachChild(node, visit);
    };
    for (const file of prog.getSourceFiles()) {
      if (file.isDeclarationFile || !file.fileName.startsWith(path.join(root, "src"))) continue;
      visit(file);
    }
  }, 120_000);

  it("every message, reply and block text in src/ is Mrkdwn", () => {
    // The walk found the messages (a broken walk would pass with nothing found).
    expect(checkedTexts).toBeGreaterThan(60);
    expect(findings).toEqual([]);
  });
});
