// The shape every options listener (an external select's type-ahead) shares.
// Slack shows nothing until the ack, and the ack carries the choices, so the
// request is read inside the work: anything that goes wrong (a refused record,
// a bad query, the database) still gets an answer at once, an empty list,
// never Slack's timeout.
import type { AllMiddlewareArgs, Middleware, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import { AppError } from "../../domain/common/errors";
import type { Services } from "../../services";
import type { option } from "../../views/blocks";

type Option = ReturnType<typeof option>;
export type OptionsArgs = SlackOptionsMiddlewareArgs<"block_suggestion"> & AllMiddlewareArgs;

export function onOptions(
  services: Services,
  find: (args: OptionsArgs) => Option[] | Promise<Option[]>,
): Middleware<SlackOptionsMiddlewareArgs<"block_suggestion">> {
  return async (args) => {
    let options: Option[];
    try {
      options = await find(args);
    } catch (error) {
      if (error instanceof AppError) services.logger.info({ code: error.code }, "an options request was refused");
      else services.logger.error({ err: error }, "an options request failed");
      options = [];
    }
    await args.ack({ options });
  };
}
