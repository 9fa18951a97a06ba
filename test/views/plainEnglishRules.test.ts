// The style checker itself (test/support/plainEnglish.ts): it passes the bot's
// own kind of text, and fails each rule on a deliberate breach, so the journey
// test's empty list of problems means something.
import { BLOCK } from "../../src/views/ids";
import { readerText, styleProblems, textProblems } from "../support/plainEnglish";

const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text, verbatim: true } });
const post = (text: string, blocks?: unknown[]) => styleProblems({ channel: "C1", text, ...(blocks ? { blocks } : {}) }, "post", "post");

describe("the plain English checker", () => {
  it("passes text written to the rules, Slack's own tokens included", () => {
    const good = [
      "Show and tell is on Tuesday 10 March 2026, 10am to 11am UK time, which is 6am to 7am New York time.",
      "Starts at midday. <!channel> <!here> <@U0ALICE> joined <#C0HOME>. <https://example.gov.uk/x?a=1|More about it>",
      "<!date^1773136800^{date_long}|Tuesday 10 March 2026>",
      ":white_check_mark: You are a member",
      "Organised by <@U0ALICE> (HMRC)  ·  Department for Work and Pensions (DWP)",
      "*Starting a business*  ·  3 members\n• People register twice\n• People register twice",
      "Type a few letters, for example HMRC. Slack's code for this is `not_in_channel`.",
    ];
    for (const text of good) expect(textProblems(text, "good")).toEqual([]);
    expect(post("Hello", [section("Hello")])).toEqual([]);
    expect(readerText("<https://x.gov.uk|the guide> &amp; <!date^1^{date}|1 Jan>")).toBe("the guide & 1 Jan");
  });

  it.each([
    ["Latin abbreviations", "Type a few letters, e.g. HMRC.", /"e\.g\." \(write "for example"\)/],
    ["i.e.", "The owner, i.e. a member.", /"i\.e\."/],
    ["an exclamation mark", "Welcome to *Starting a business*!", /an exclamation mark/],
    ["an IANA zone", "Times are in Europe/London.", /the time zone name "Europe\/London"/],
    ["an IANA zone with its underscore made a space", "New York (America/New York, UTC−5)", /the time zone name "America\/New York"/],
    ["a 24-hour time", "Tuesday 10 March 2026, 14:30 to 15:30", /the time "14:30"/],
    ["a zero-padded time", "Every Monday at 09:00", /the time "09:00"/],
    ["Slack's own time format", "Starts at 10:00 AM", /the time "10:00 AM"/],
    ["12pm for midday", "Starts at 12pm", /the time "12pm"/],
    ["an ISO date", "What is new since 2026-03-02", /the date "2026-03-02"/],
    ["a US date", "Started Mar 2, 2026", /the date "Mar 2, 2026"/],
    ["an emoji alone", ":white_check_mark:", /an emoji with no words beside it/],
    ["brackets inside brackets", "Organised by <@U0A> (HM Revenue & Customs (HMRC))", /brackets inside brackets/],
    ["a name said twice", "Starting a business: Starting a business", /"Starting a business" twice in a row/],
    ["a name said twice across a line", "*Starting a business*\n_Starting a business_", /"Starting a business" twice in a row/],
  ])("fails %s", (_rule, text, found) => {
    const problems = textProblems(text, "bad");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(found);
  });

  it("finds a breach wherever the reader would see it: a placeholder, an option, an input's value, a field error", () => {
    const view = {
      type: "modal",
      title: { type: "plain_text", text: "Schedule a meeting" },
      blocks: [
        {
          type: "input",
          label: { type: "plain_text", text: "Place" },
          element: { type: "plain_text_input", placeholder: { type: "plain_text", text: "e.g. Room 4" } },
        },
        {
          type: "input",
          label: { type: "plain_text", text: "Zone" },
          element: { type: "static_select", options: [{ text: { type: "plain_text", text: "Europe/Paris" }, value: "Europe/Paris" }] },
        },
        {
          type: "input",
          label: { type: "plain_text", text: "Title" },
          element: { type: "plain_text_input", initial_value: "Great news!" },
        },
        // Values, ids and URLs are Slack's, not words: never checked.
        {
          type: "actions",
          block_id: "e.g.!",
          elements: [{ type: "button", text: { type: "plain_text", text: "Go" }, value: "Europe/London", url: "https://x.gov.uk/14:30!" }],
        },
      ],
    };
    const problems = styleProblems(view, "view", "views.open");
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/placeholder\.text: "e\.g\."/);
    expect(problems.join("\n")).toMatch(/options\[0\]\.text\.text: the time zone name "Europe\/Paris"/);
    expect(problems.join("\n")).toMatch(/initial_value: an exclamation mark/);
    expect(styleProblems({ response_action: "errors", errors: { start: "14:00 has passed!" } }, "errors", "ack")).toHaveLength(2);
  });

  it("fails a posted message without fallback text, a long section, and a long message that is not a paged list", () => {
    expect(post("")).toEqual(["post: a message posted without fallback text"]);
    expect(styleProblems({ channel: "C1", blocks: [section("Hello")] }, "post", "post")).toEqual([
      "post: a message posted without fallback text",
    ]);
    expect(post("Long", [section("a".repeat(2001))])).toEqual(["post.blocks[0]: a section of 2001 characters (at most 2000)"]);
    const many = Array.from({ length: 21 }, () => section("One line"));
    expect(post("Many", many)).toEqual(["post: 21 blocks in a message that is not a paged list (at most 20)"]);
    // A page of a paged list may be longer; a modal or Home tab has Slack's own limits.
    expect(post("A page", [...many, { type: "actions", block_id: BLOCK.membersPager, elements: [] }])).toEqual([]);
    expect(styleProblems({ type: "home", blocks: many }, "view", "views.publish")).toEqual([]);
  });
});
