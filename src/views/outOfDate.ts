// What a person sees when Slack sends the app a click, form, list or shortcut
// it no longer has a listener for: usually an old message or form whose
// buttons were renamed since it was posted. Pure: no client, no database.
import type { View } from "@slack/types";
import { option, plain, section } from "./blocks";
import { COMMAND } from "./ids";
import { esc, type Mrkdwn, md } from "./mrkdwn";

const HELP = `Type \`${COMMAND} help\` to see every command.`;
const START_AGAIN = `run the command again, for example \`${COMMAND} list\`, to get an up-to-date version. ${HELP}`;

/** After a click on a button or menu the app no longer knows. */
export const OUT_OF_DATE_BUTTON: Mrkdwn = esc(
  `:hourglass: That button is out of date, so nothing was changed. To carry on, ${START_AGAIN}`,
);

/** After a command the app does not have (`name` as typed, for example "/communities"). */
export function unknownCommandText(name: string): Mrkdwn {
  return md`This app has no command called \`${esc(name.replace(/`/g, "'").slice(0, 40))}\`. ${esc(HELP)}`;
}

/** The value of the only choice an out-of-date list offers: a submission with it is out of date too. */
export const OUT_OF_DATE_OPTION_VALUE = "out_of_date";

/** The only choice in a list the app no longer fills (an option's text is at most 75 characters). */
export function outOfDateOption() {
  return option("This list is out of date: close the form and open it again", OUT_OF_DATE_OPTION_VALUE);
}

/** Replaces a form the app no longer knows, or opens for a shortcut it no longer has. */
export function outOfDateModal(what: "form" | "shortcut"): View {
  const text =
    what === "form"
      ? `This form is out of date, so nothing was saved. Close this window, then ${START_AGAIN}`
      : `This shortcut is out of date, so nothing was done. Close this window and choose the shortcut again. If it still does not work, ${HELP.charAt(0).toLowerCase()}${HELP.slice(1)}`;
  return { type: "modal", title: plain("Out of date", 24), close: plain("Close"), blocks: [section(esc(text))] } as View;
}
