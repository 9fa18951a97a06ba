// private_metadata is echoed back by Slack, but it arrives in a request anyone
// could forge, so it is parsed with zod like every other edge.
import { z } from "zod";

const createMetadata = z.object({ channelId: z.string().max(40).optional() });
const joinMetadata = z.object({ communityId: z.string().max(40).optional(), channelId: z.string().max(40).optional() });
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
  /** The problem a modal acts on (edit, objective, duplicate), and the duplicate picker reads it too. */
  problemRef: {
    write: (m: ProblemRefMetadata) => JSON.stringify(m),
    read: (raw?: string) => parse(problemRefMetadata.partial(), raw),
  },
};
