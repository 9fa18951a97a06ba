// The app sending email through the fake GOV.UK Notify (fakeNotify.ts): startHarness's
// settings and parts for it, with Notify's pace (3,000 a minute) on a clock of the
// test's, so nothing waits for real and a test moves past a 429's pause itself.
import { NotifyMail } from "../../src/mail/notifyMail";
import { MailPacer } from "../../src/scheduler/mail/mailPacer";
import { API_KEY, type FakeNotify, TEMPLATE_ID } from "./fakeNotify";
import type { startHarness } from "./harness";

export const CALLBACK_TOKEN = "notify-callback-token-for-tests";

type HarnessArguments = Parameters<typeof startHarness>;

export interface ThroughNotify {
  settings: NonNullable<HarnessArguments[0]>;
  parts: NonNullable<HarnessArguments[1]>;
  /** Moves the email pacer's clock on, as time passing would (a 429's Retry-After). */
  advancePacer(ms: number): void;
}

/** startHarness(via.settings, via.parts) sends through `notify`; one email at a time, retried after a minute. */
export function throughNotify(notify: FakeNotify): ThroughNotify {
  let pacerNow = 0;
  return {
    settings: {
      mail: {
        provider: "notify",
        apiKey: API_KEY,
        templateId: TEMPLATE_ID,
        baseUrl: notify.baseUrl,
        callbackToken: CALLBACK_TOKEN,
        perMinute: 3000,
      },
    },
    parts: {
      mail: new NotifyMail({ apiKey: API_KEY, templateId: TEMPLATE_ID, baseUrl: notify.baseUrl }),
      emailPacer: new MailPacer(
        3000,
        () => pacerNow,
        async (ms) => {
          pacerNow += ms;
        },
      ),
      emailDispatcher: { backoffMs: 60_000, concurrency: 1 },
    },
    advancePacer(ms) {
      pacerNow += ms;
    },
  };
}
