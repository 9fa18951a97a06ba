// Everything the fake Slack was sent (messages, their updates, forms) and every
// response_url reply, held to the house style and Slack's limits: one list of what
// is wrong, empty when all is well.
import { blockKitProblems } from "./blockKit";
import type { FakeSlack } from "./fakeSlack";
import { type SentKind, styleProblems } from "./plainEnglish";

const WORD_METHODS: Record<string, SentKind> = {
  "chat.postMessage": "post",
  "chat.update": "message",
  "views.open": "view",
  "views.push": "view",
  "views.update": "view",
};

export function sentProblems(slack: Pick<FakeSlack, "calls" | "responses">): string[] {
  const problems: string[] = [];
  for (const call of slack.calls) {
    const kind = WORD_METHODS[call.method];
    if (!kind) continue;
    const sent = kind === "view" ? call.args.view : call.args;
    problems.push(...styleProblems(sent, kind, `${call.method} to ${call.args.channel ?? ""}`));
    problems.push(...blockKitProblems(sent.blocks ?? [], kind === "view" ? "modal" : "message", kind === "view" ? sent : undefined));
  }
  for (const response of slack.responses) problems.push(...styleProblems(response.body, "message", "response_url"));
  return problems;
}
