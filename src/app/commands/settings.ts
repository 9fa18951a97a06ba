import { settingsModal } from "../../views/settingsModal";
import { communitySettingsMetadata } from "../submissions/communitySettings";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const settings: Subcommand = {
  name: "settings",
  topic: "settings",
  usage: "/community settings [name]",
  summary:
    "Organisers: who may schedule meetings, default reminders, when to suggest objectives, the digest, and who can see the web page.",
  async handle({ args, command, context, client, services }) {
    const found = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(settings.usage),
    );
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
