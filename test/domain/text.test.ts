// "a, b and N more": the one list helper every message uses.
import { listWithMore } from "../../src/domain/common/text";

it("joins naturally, names what fits a budget or a count, and counts the rest", () => {
  expect(listWithMore([])).toBe("");
  expect(listWithMore(["a"])).toBe("a");
  expect(listWithMore(["a", "b"])).toBe("a and b");
  expect(listWithMore(["a", "b", "c"])).toBe("a, b and c");
  expect(listWithMore(["a", "b", "c"], { lastJoiner: ", " })).toBe("a, b, c");
  expect(listWithMore(["a", "b", "c"], { maxItems: 2 })).toBe("a, b and 1 more");
  expect(listWithMore(["a", "b"], { maxItems: 2 })).toBe("a and b");
  expect(listWithMore(["a", "b", "c"], { maxItems: 0 })).toBe("3 more");
  expect(listWithMore(["aaaa", "bbbb", "cccc"], { maxChars: 19 })).toBe("aaaa, bbbb and cccc");
  expect(listWithMore(["aaaa", "bbbb", "cccc"], { maxChars: 18 })).toBe("aaaa and 2 more");
  expect(listWithMore(["aaaa", "bbbb", "cccc"], { maxChars: 14 })).toBe("3 more");
  expect(listWithMore(["aaaa", "bbbb", "cccc"], { maxChars: 5, noun: { one: "member" } })).toBe("3 members");
  expect(listWithMore(["aaaa"], { maxChars: 2, noun: { one: "person", many: "people" } })).toBe("1 person");
  const ids = Array.from({ length: 5000 }, (_, i) => `<@U${String(i).padStart(10, "0")}>`);
  for (const max of [50, 100, 2000, 2999]) {
    const s = listWithMore(ids, { maxChars: max });
    expect(s.length).toBeLessThanOrEqual(max);
    const named = s.split(", ").length;
    expect(Number(/and (\d+) more$/.exec(s)![1]) + named).toBe(5000);
  }
});
