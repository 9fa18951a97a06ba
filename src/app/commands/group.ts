// /community group create|join|leave: one subcommand with verbs, so help lists
// sub-groups once and "/community group" alone explains what to type.
import { AppError } from "../../domain/common/errors";
import { createGroupModal } from "../../views/groupsModal";
import { esc, lines, type Mrkdwn, md } from "../../views/mrkdwn";
import { createGroupMetadata } from "../submissions/createGroup";
import { joinGroup, leaveGroup } from "../support/groupMembership";
import { ephemeral } from "../support/replies";
import { workspaceOf } from "../support/workspace";
import { communityQuery, groupQuery } from "./commandText";
import { groups } from "./groups";
import { namingCommunity, type Subcommand, type SubcommandContext } from "./subcommand";

const USAGE = {
  create: "/community group create [community]",
  join: "/community group join <group> [community]",
  leave: "/community group leave <group> [community]",
} as const;

/** What to type, for "/community group" with no verb or one it does not know. */
export function groupUsageText(typed?: string): Mrkdwn {
  const lead = typed ? md`There is no command \`/community group ${esc(typed)}\`.` : md`What would you like to do with groups?`;
  return lines([
    md`${lead} Type one of these:`,
    md`• \`${esc(USAGE.create)}\`: organisers start a group focused on one area, for example user research`,
    md`• \`${esc(USAGE.join)}\`: join a group of a community you are a member of`,
    md`• \`${esc(USAGE.leave)}\`: leave a group`,
    md`• \`${esc(groups.usage)}\`: see the groups and who is in them`,
    md`In a community's channel you can leave out the community.`,
  ]);
}

async function create({ command, context, client, services }: SubcommandContext, rest: string): Promise<void> {
  const workspace = workspaceOf(context);
  const here = await services.groups.communityOfChannel(workspace, command.channel_id);
  let community = here;
  let name: string | undefined;
  if (rest || !here) {
    try {
      community = await services.communities.resolve(workspace, communityQuery(rest), command.channel_id, namingCommunity(USAGE.create));
    } catch (error) {
      // In a community's channel, words that name no community are the new group's name.
      if (!here || !(error instanceof AppError) || error.code !== "not_found") throw error;
      name = rest;
    }
  }
  if (!community) return;
  // Refuse now rather than after someone has filled in the whole form.
  await services.groups.requireCreator(community, command.user_id);
  await client.views.open({
    trigger_id: command.trigger_id,
    view: createGroupModal({ community, name, privateMetadata: createGroupMetadata.write({ communityId: community.id }) }),
  });
}

export const group: Subcommand = {
  name: "group",
  topic: "groups",
  usage: "/community group create|join|leave …",
  summary:
    "Sub-groups focused on one area, for example user research. Organisers: `group create [community]`. " +
    "Members: `group join` or `group leave` and the group's name (and the community's, outside its channel).",
  async handle(ctx) {
    const { command, context, client, services, respond } = ctx;
    const [verb = "", ...words] = ctx.args.split(/\s+/).filter(Boolean);
    const rest = words.join(" ");
    switch (verb.toLowerCase()) {
      case "create":
      case "new":
      case "start":
        return create(ctx, rest);
      case "join": {
        const found = await services.groups.locate(workspaceOf(context), groupQuery(rest), command.channel_id, USAGE.join);
        await respond(ephemeral(await joinGroup(client, services, found, command.user_id)));
        return;
      }
      case "leave": {
        const found = await services.groups.locate(workspaceOf(context), groupQuery(rest), command.channel_id, USAGE.leave);
        await respond(ephemeral(await leaveGroup(services, found, command.user_id)));
        return;
      }
      case "list": {
        const message = await groups.reply!({ ...ctx, args: rest });
        await respond(ephemeral(message));
        return;
      }
      default:
        await respond(ephemeral(groupUsageText(verb || undefined)));
    }
  },
};
