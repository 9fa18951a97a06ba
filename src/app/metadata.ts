// private_metadata is echoed back by Slack, but it arrives in a request anyone
// could forge, so it is parsed with zod like every other edge.
import { z } from "zod";

const createMetadata = z.object({ channelId: z.string().max(40).optional() });
const joinMetadata = z.object({
  communityId: z.string().max(40).optional(),
  channelId: z.string().max(40).optional(),
  /** The problem whose vote button opened the form: the vote is cast once they have joined. */
  voteProblemId: z.string().max(40).optional(),
});
const problemMetadata = z.object({
  communityId: z.string().max(40).optional(),
  /** The message a shortcut logged the problem from. */
  permalink: z.url().max(500).optional(),
});

export type CreateMetadata = z.infer<typeof createMetadata>;
export type JoinMetadata = z.infer<typeof joinMetadata>;
export type ProblemMetadata = z.infer<typeof problemMetadata>;
const problemRefMetadata = z.object({ problemId: z.string().max(40) });
export type ProblemRefMetadata = z.infer<typeof problemRefMetadata>;

const meetingMetadata = z.object({
  /** Known when the command came from the community's channel, or when editing. */
  communityId: z.string().max(40).optional(),
  /** Set when the modal edits this meeting. */
  meetingId: z.string().max(40).optional(),
  /** The zone the person's Slack shows the date picker in (from users.info). */
  pickerZone: z.string().max(64).optional(),
  /** When editing: the meeting's SEQUENCE when the form opened, so a stale or repeated submit is refused. */
  sequence: z.int().min(0).optional(),
});
export type MeetingMetadata = z.infer<typeof meetingMetadata>;
const meetingRefMetadata = z.object({ meetingId: z.string().max(40) });
const settingsMetadata = z.object({ communityId: z.string().max(40) });
/** The create-group form: the community the group belongs to. */
const groupMetadata = z.object({ communityId: z.string().max(40) });
/** The invitation form: the community, once chosen (the message is written for it). */
const inviteMetadata = z.object({ communityId: z.string().max(40).optional() });
const invitationRefMetadata = z.object({ invitationId: z.string().max(40) });

function parse<T>(schema: z.ZodType<T>, raw: string | undefined): T {
  try {
    const result = schema.safeParse(JSON.parse(raw || "{}"));
    if (result.success) return result.data;
  } catch {
    // fall through: unreadable metadata is treated as empty
  }
  return schema.parse({});
}

export const metadata = {
  create: { write: (m: CreateMetadata) => JSON.stringify(m), read: (raw?: string) => parse(createMetadata, raw) },
  join: { write: (m: JoinMetadata) => JSON.stringify(m), read: (raw?: string) => parse(joinMetadata, raw) },
  problem: { write: (m: ProblemMetadata) => JSON.stringify(m), read: (raw?: string) => parse(problemMetadata, raw) },
  meeting: { write: (m: MeetingMetadata) => JSON.stringify(m), read: (raw?: string) => parse(meetingMetadata, raw) },
  /** The meeting a modal acts on (cancel). */
  meetingRef: { write: (m: z.infer<typeof meetingRefMetadata>) => JSON.stringify(m), read: (raw?: string) => parse(meetingRefMetadata.partial(), raw) },
  invite: { write: (m: z.infer<typeof inviteMetadata>) => JSON.stringify(m), read: (raw?: string) => parse(inviteMetadata, raw) },
  /** The invitation an Accept form answers. */
  invitationRef: { write: (m: z.infer<typeof invitationRefMetadata>) => JSON.stringify(m), read: (raw?: string) => parse(invitationRefMetadata.partial(), raw) },
  settings: { write: (m: z.infer<typeof settingsMetadata>) => JSON.stringify(m), read: (raw?: string) => parse(settingsMetadata.partial(), raw) },
  group: { write: (m: z.infer<typeof groupMetadata>) => JSON.stringify(m), read: (raw?: string) => parse(groupMetadata.partial(), raw) },
  /** The problem a modal acts on (edit, objective, duplicate), and the duplicate picker reads it too. */
  problemRef: {
    write: (m: ProblemRefMetadata) => JSON.stringify(m),
    read: (raw?: string) => parse(problemRefMetadata.partial(), raw),
  },
};
