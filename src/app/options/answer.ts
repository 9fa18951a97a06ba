import type { Logger } from "pino";
import { AppError } from "../../domain/common/errors";
import type { option } from "../../views/blocks";

type Option = ReturnType<typeof option>;
type OptionsAck = (response: { options: Option[] }) => Promise<void>;

/**
 * Acks an options request with what `work` finds. The request is read inside
 * the work, so anything that goes wrong (a refused record, a bad query, the
 * database) still gets an answer at once: an empty list, never Slack's timeout.
 */
export async function answerOptions(ack: OptionsAck, logger: Logger, work: () => Option[] | Promise<Option[]>): Promise<void> {
  let options: Option[];
  try {
    options = await work();
  } catch (error) {
    if (error instanceof AppError) logger.info({ code: error.code }, "an options request was refused");
    else logger.error({ err: error }, "an options request failed");
    options = [];
  }
  await ack({ options });
}
