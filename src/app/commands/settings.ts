import { isOrganiser } from "../../domain/members/organisers";
import { settingsModal } from "../../views/settingsModal";
import { communitySettingsMetadata } from "../submissions/communitySettings";
import { openMessagesModal } from "../support/messagesModal";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const settings: Subcommand = {
  name: "settings",
  topic: "settings",
  usage: "/community settings [name]",
  summary:
    "Choose how you get messages: in Slack, by email or both. Organisers also choose who may schedule meetings, default reminders, whose bank holidays are not working days, when to suggest objectives, the digest, and who can see the web page.",
  async handle({ args, command, context, client, services }) {
    const found = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(settings.usage),
    );
    // Every member has settings of their own (how they get messages); organisers get the community's,
    // with a button to theirs at the top.
    if (!isOrganiser(await services.memberships.membership(found.id, command.user_id))) {
      await openMessagesModal({ client, services, community: found, userId: command.user_id, triggerId: command.trigger_id });
      return;
    }
    const community = await services.communities.asOrganiser(found.id, command.user_id, "change_settings");
    await client.views.open({
      trigger_id: command.trigger_id,
      view: settingsModal(
        community,
        communitySettingsMetadata.write({ communityId: community.id }),
        services.communityPageLinks.url(community),
      ),
    });
  },
};
