// Pacing on its own, on a fake clock: the flows' harness turns pacing off (it is
// real time, a second a message, which they would spend asleep), so this is
// where "at most one message a second to each channel or person" is checked.
import { Pacer } from "../../src/scheduler/pacer";

/** A pacer whose sleeps move a fake clock on instead of waiting. */
function fakeTime(intervalMs = 1000) {
  let now = 0;
  const sleeps: number[] = [];
  const pacer = new Pacer(
    intervalMs,
    () => now,
    async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  );
  return { pacer, sleeps, advance: (ms: number) => (now += ms), now: () => now };
}

describe("the pacer", () => {
  it("lets a target's first message go at once and spaces its next a second apart", async () => {
    const t = fakeTime();
    await t.pacer.wait("C1");
    expect(t.now()).toBe(0);
    t.pacer.finished("C1");
    await t.pacer.wait("C1");
    expect(t.now()).toBe(1000);
    expect(t.sleeps).toEqual([1000]);
  });

  it("does not make one target wait for another", async () => {
    const t = fakeTime();
    for (const target of ["C1", "C2", "U1"]) await t.pacer.wait(target);
    expect(t.sleeps).toEqual([]);
  });

  it("queues two callers for one target instead of waking them together", async () => {
    const now = 0;
    const wakes: number[] = [];
    const pacer = new Pacer(
      1000,
      () => now,
      async (ms) => void wakes.push(now + ms),
    );
    await Promise.all([pacer.wait("C1"), pacer.wait("C1"), pacer.wait("C1")]);
    expect(wakes).toEqual([1000, 2000]);
  });

  it("counts the gap from when Slack answered, not from when the message started", async () => {
    const t = fakeTime();
    await t.pacer.wait("C1");
    t.advance(300); // the call took 300 ms
    t.pacer.finished("C1");
    await t.pacer.wait("C1");
    expect(t.now()).toBe(1300);
  });

  it("does not wait when the last message was more than the interval ago", async () => {
    const t = fakeTime();
    await t.pacer.wait("C1");
    t.pacer.finished("C1");
    t.advance(5000);
    await t.pacer.wait("C1");
    expect(t.sleeps).toEqual([]);
  });

  it("never sleeps with an interval of 0 (the tests' harness)", async () => {
    const t = fakeTime(0);
    for (let i = 0; i < 5; i++) {
      await t.pacer.wait("C1");
      t.pacer.finished("C1");
    }
    expect(t.sleeps).toEqual([]);
  });

  it("forgets idle targets once it tracks more than 10,000, and still paces a busy one", async () => {
    const t = fakeTime();
    for (let i = 0; i < 10_001; i++) await t.pacer.wait(`U${i}`);
    t.advance(2000);
    await t.pacer.wait("C1"); // the 10,002nd: the idle ones are forgotten
    expect((t.pacer as unknown as { last: Map<string, number> }).last.size).toBe(1);
    await t.pacer.wait("C1");
    expect(t.sleeps).toEqual([1000]);
  });
});
