import type { App } from "@slack/bolt";
import { AppError } from "../../domain/errors";
import { esc } from "../../views/blocks";
import { CALLBACK, SETTINGS_BLOCK } from "../../views/ids";
import { stepsAfterAck } from "../afterAck";
import { metadata } from "../metadata";
import { modalErrors } from "../replies";
import type { Services } from "../services";
import { list, readViewState, text } from "../viewState";

export function registerCommunitySettingsSubmission(app: App, services: Services): void {
  app.view(CALLBACK.communitySettings, async ({ ack, body, view, client }) => {
    const values = readViewState(view);
    let community;
    try {
      const { communityId } = metadata.settings.read(view.private_metadata);
      if (!communityId) throw new AppError("invalid_input", "This form has expired. Run `/community settings` again.", SETTINGS_BLOCK.problemThreshold);
      community = await services.communities.updateSettings(communityId, body.user.id, {
        membersCanSchedule: list(values, SETTINGS_BLOCK.membersCanSchedule).includes("yes"),
        reminders: list(values, SETTINGS_BLOCK.reminders),
        problemThreshold: text(values, SETTINGS_BLOCK.problemThreshold),
      });
    } catch (error) {
      await ack({ response_action: "errors", errors: modalErrors(error, SETTINGS_BLOCK.problemThreshold, services.logger) });
      return;
    }
    await ack({ response_action: "clear" });
    await stepsAfterAck(services.logger)("confirm saved settings", () =>
      client.chat.postMessage({ channel: body.user.id, text: `:white_check_mark: Saved the settings of *${esc(community.name)}*.` }),
    );
  });
}
