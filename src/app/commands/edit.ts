import { editCharterModal } from "../../views/charterEdits";
import { editCharterMetadata } from "../submissions/editCharter";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const edit: Subcommand = {
  name: "edit",
  topic: "settings",
  aliases: ["edit-charter"],
  usage: "/community edit [name]",
  summary: "Organisers: change the community's name, service, aims, how often it meets and how members talk between meetings.",
  async handle({ args, command, context, client, services }) {
    const found = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(edit.usage),
    );
    const community = await services.charter.forEditing(workspaceOf(context), found.id, command.user_id);
    await client.views.open({
      trigger_id: command.trigger_id,
      view: editCharterModal(community, editCharterMetadata.write({ communityId: community.id })),
    });
  },
};
