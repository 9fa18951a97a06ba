import { createCommunityModal } from "../../views/createCommunityModal";
import { createCommunityMetadata } from "../submissions/createCommunity";
import type { Subcommand } from "./subcommand";

export const create: Subcommand = {
  name: "create",
  topic: "start",
  aliases: ["new", "start"],
  usage: "/community create [name]",
  summary: "Set up a new service community: its service, first problems, ways of working and channel.",
  async handle({ args, command, client, services }) {
    await client.views.open({
      trigger_id: command.trigger_id,
      view: createCommunityModal({
        name: args || undefined,
        timezone: services.defaultTimezone,
        now: services.clock.now(),
        privateMetadata: createCommunityMetadata.write({ channelId: command.channel_id }),
      }),
    });
  },
};
