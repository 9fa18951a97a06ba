import { ACTION } from "../../src/views/ids";
import { createCommunity } from "../support/flows";
import { type Harness, startHarness } from "../support/harness";
import { optionsRequest } from "../support/payloads";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe("type-ahead selects", () => {
  it("finds organisations by abbreviation and by old names, always offering Other", async () => {
    const reply = await h.interact(optionsRequest({ user: "U0ALICE", actionId: ACTION.organisation, value: "hmrc" }));
    expect(reply.status).toBe(200);
    expect(reply.json.options[0]).toEqual({
      text: { type: "plain_text", text: "HM Revenue & Customs (HMRC)", emoji: true },
      value: "hmrc",
    });
    expect(reply.json.options.at(-1).value).toBe("other");

    const jobcentre = await h.interact(optionsRequest({ user: "U0ALICE", actionId: ACTION.organisation, value: "jobcentre" }));
    expect(jobcentre.json.options[0].value).toBe("dwp");
  });

  it("never returns more than Slack's 100 options", async () => {
    const reply = await h.interact(optionsRequest({ user: "U0ALICE", actionId: ACTION.organisation, value: "" }));
    expect(reply.json.options.length).toBeLessThanOrEqual(100);
    expect(reply.json.options.length).toBeGreaterThan(50);
  });

  it("finds time zones by city", async () => {
    const reply = await h.interact(optionsRequest({ user: "U0ALICE", actionId: ACTION.timezone, value: "lond" }));
    expect(reply.json.options[0].value).toBe("Europe/London");
    // The city, where it is and its offset, never the IANA name (which people do not write).
    expect(reply.json.options[0].text.text).toMatch(/^London, Europe, UTC(?:\+1)?$/);
  });

  it("finds communities for the join modal's picker", async () => {
    const community = await createCommunity(h, "U0ALICE");
    const reply = await h.interact(optionsRequest({ user: "U0BOB", actionId: ACTION.community, value: "business" }));
    expect(reply.json.options).toEqual([{ text: { type: "plain_text", text: "Starting a business", emoji: true }, value: community.id }]);
  });
});
