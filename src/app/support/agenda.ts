// What the agenda's listeners share: where a request points (a community or, in
// its channel, a group), what its buttons and menus carry, and the add form.
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { AppError } from "../../domain/common/errors";
import type { AgendaPlace, AgendaTarget } from "../../domain/meetings/agenda";
import type { WorkspaceKey } from "../../domain/ports";
import type { Services } from "../../services";
import { addAgendaItemModal } from "../../views/agenda";
import { pageNumber } from "../actions/membersPage";
import { communityQuery } from "../commands/commandText";
import { addAgendaItemMetadata } from "../submissions/addAgendaItem";

/** Previous and Next: the meeting and the page. */
export const agendaPagerValue = z.object({ m: z.string().min(1).max(40), p: pageNumber });

/** An item's menu: the item, what to do, and the page it was chosen on. */
export const agendaItemChoice = z.object({ i: z.string().min(1).max(40), do: z.enum(["up", "down", "top", "remove"]), p: pageNumber });

/**
 * The place a request means: the community named, or else the one whose channel
 * (or whose group's channel, with the group) it came from, or the person's only
 * community. Null when none of those says.
 */
export async function impliedPlace(
  services: Services,
  workspace: WorkspaceKey,
  channelId: string | undefined,
  userId: string,
): Promise<AgendaPlace | null> {
  const here = await services.groups.placeOfChannel(workspace, channelId);
  if (here) return { community: here.community, group: here.group ?? null };
  const community = await services.communities.implied(workspace, channelId, userId);
  return community ? { community, group: null } : null;
}

/** `/community agenda [name]`: with a name, that community; without, the place implied or a refusal that says how to name one. */
export async function namedPlace(
  services: Services,
  workspace: WorkspaceKey,
  args: string,
  channelId: string,
  userId: string,
  usage: string,
): Promise<AgendaPlace> {
  if (!args.trim()) {
    const here = await impliedPlace(services, workspace, channelId, userId);
    if (here) return here;
  }
  const community = await services.communities.resolve(workspace, communityQuery(args), channelId, usage, { soleMembershipOf: userId });
  return { community, group: null };
}

/** The add form for a meeting named by a button or a menu: members only, before it starts. */
export async function openAgendaFormFor(
  services: Services,
  client: WebClient,
  opts: { triggerId: string; workspace: WorkspaceKey; userId: string; meetingId: string; channelId?: string },
): Promise<void> {
  const target = await services.agenda.forAdding(opts.workspace, opts.meetingId, opts.userId);
  await openAgendaForm(services, client, { ...opts, target });
}

/**
 * Opens the add form for a meeting (members only, before it starts), or with the
 * next meeting of each of the person's places to choose from when `target` is null.
 */
export async function openAgendaForm(
  services: Services,
  client: WebClient,
  opts: {
    triggerId: string;
    workspace: WorkspaceKey;
    userId: string;
    target: AgendaTarget | null;
    channelId?: string;
    initial?: { title?: string; link?: string };
    permalink?: string;
  },
): Promise<void> {
  const { target } = opts;
  const choices = target ? [] : await services.agenda.choicesFor(opts.workspace, opts.userId, 100);
  if (!target && !choices.length) throw new AppError("not_found", { key: "agenda.no_meetings_anywhere" });
  // Topics come from the meeting's community; with a choice of meetings the picker would mix communities, so it is left out.
  const topics = target ? await services.agenda.topics(target.community, opts.userId) : { stages: [], problems: [] };
  await client.views.open({
    trigger_id: opts.triggerId,
    view: addAgendaItemModal({
      target: target ?? undefined,
      choices,
      topics,
      initial: opts.initial,
      fromMessage: Boolean(opts.permalink),
      privateMetadata: addAgendaItemMetadata.write({
        meetingId: target?.meeting.id,
        channelId: opts.channelId,
        permalink: opts.permalink,
      }),
    }),
  });
}
