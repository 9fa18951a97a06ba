import { z } from "zod";
import { labels } from "../../i18n";
import { stepsAfterAck } from "../../messaging/afterAck";
import type { Services } from "../../services";
import { SETTINGS_BLOCK } from "../../views/ids";
import { esc, md } from "../../views/mrkdwn";
import { webPageLine } from "../../views/webPage";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { list, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The community whose settings the form changes. */
export const communitySettingsMetadata = formMetadata(z.object({ communityId: z.string().max(40) }));

export function communitySettingsSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: SETTINGS_BLOCK.problemThreshold,
    closes: "all",
    async check({ body, view, context }, values) {
      const communityId = openedFor(
        communitySettingsMetadata.read(view.private_metadata).communityId,
        "settings",
        SETTINGS_BLOCK.problemThreshold,
      );
      return services.communities.updateSettings(workspaceOf(context), communityId, body.user.id, {
        membersCanSchedule: list(values, SETTINGS_BLOCK.membersCanSchedule).includes("yes"),
        reminders: list(values, SETTINGS_BLOCK.reminders),
        problemThreshold: text(values, SETTINGS_BLOCK.problemThreshold),
        digest: {
          cadence: text(values, SETTINGS_BLOCK.digestCadence),
          weekday: text(values, SETTINGS_BLOCK.digestWeekday),
          monthDay: text(values, SETTINGS_BLOCK.digestMonthDay),
          time: text(values, SETTINGS_BLOCK.digestTime),
        },
        bankHolidays: text(values, SETTINGS_BLOCK.bankHolidays),
        roundDaysBefore: text(values, SETTINGS_BLOCK.roundDaysBefore),
        page: {
          visibility: text(values, SETTINGS_BLOCK.pageVisibility),
          newAddress: list(values, SETTINGS_BLOCK.pageNewAddress).includes("yes"),
        },
      });
    },
    async after({ body, client }, { community, digestChanged, bankHolidaysBefore, roundChanged }) {
      // Its web page's address or visibility may have changed: this replica reads them again at once.
      services.communityPages.forget(community.id);
      if (digestChanged) await services.digests.replan(community);
      if (bankHolidaysBefore) await services.actions.replanReminders(community, bankHolidaysBefore);
      if (roundChanged) await services.round.replanCommunity(community);
      await stepsAfterAck(services.logger)("confirm saved settings", () =>
        client.chat.postMessage({
          channel: body.user.id,
          text: md`:white_check_mark: You saved the settings of *${esc(community.name)}*. Digest: ${esc(labels.describeSchedule(community.digest, community.timezone))}. ${webPageLine(community, services.communityPageLinks.url(community))}`,
        }),
      );
    },
  });
}
