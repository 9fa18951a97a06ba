import type { App } from "@slack/bolt";
import { AppError } from "../../domain/common/errors";
import { labels } from "../../i18n";
import { esc, md } from "../../views/mrkdwn";
import { CALLBACK, SETTINGS_BLOCK } from "../../views/ids";
import { stepsAfterAck } from "../../messaging/afterAck";
import { metadata } from "../metadata";
import { modalErrors } from "../support/replies";
import type { Services } from "../../services";
import { list, readViewState, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

export function registerCommunitySettingsSubmission(app: App, services: Services): void {
  app.view(CALLBACK.communitySettings, async ({ ack, body, view, client, context }) => {
    let saved;
    try {
      const values = readViewState(view);
      const { communityId } = metadata.settings.read(view.private_metadata);
      if (!communityId) throw new AppError("gone", { key: "form.expired", reopen: "settings" }, SETTINGS_BLOCK.problemThreshold);
      saved = await services.communities.updateSettings(workspaceOf(context), communityId, body.user.id, {
        membersCanSchedule: list(values, SETTINGS_BLOCK.membersCanSchedule).includes("yes"),
        reminders: list(values, SETTINGS_BLOCK.reminders),
        problemThreshold: text(values, SETTINGS_BLOCK.problemThreshold),
        digest: {
          cadence: text(values, SETTINGS_BLOCK.digestCadence),
          weekday: text(values, SETTINGS_BLOCK.digestWeekday),
          monthDay: text(values, SETTINGS_BLOCK.digestMonthDay),
          time: text(values, SETTINGS_BLOCK.digestTime),
        },
      });
    } catch (error) {
      await ack({ response_action: "errors", errors: modalErrors(error, SETTINGS_BLOCK.problemThreshold, services.logger) });
      return;
    }
    await ack({ response_action: "clear" });
    const { community, digestChanged } = saved;
    if (digestChanged) await services.digests.replan(community);
    await stepsAfterAck(services.logger)("confirm saved settings", () =>
      client.chat.postMessage({ channel: body.user.id, text: md`:white_check_mark: Saved the settings of *${esc(community.name)}*. Digest: ${esc(labels.describeSchedule(community.digest, community.timezone))}.` }),
    );
  });
}
