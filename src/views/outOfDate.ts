// What a person sees when Slack sends the app a click, form, list or shortcut
// it no longer has a listener for: usually an old message or form whose
// buttons were renamed since it was posted. Pure: no client, no database.
import type { View } from "@slack/types";
import { option, plain, section } from "./blocks";
import { COMMAND } from "./ids";

const START_AGAIN = `Run the command again to get an up-to-date one, for example \`${COMMAND} list\`. Type \`${COMMAND} help\` to see every command.`;

/** After a click on a button or menu the app no longer knows. */
export const OUT_OF_DATE_BUTTON = `:hourglass: That button is out of date, so nothing was changed. ${START_AGAIN}`;

/** After a command the app does not have (`name` as typed, for example "/communities"). */
export function unknownCommandText(name: string): string {
  return `:hourglass: This app no longer has a command called \`${name.replace(/`/g, "'").slice(0, 40)}\`. Type \`${COMMAND} help\` to see every command.`;
}

/** The value of the only choice an out-of-date list offers: a submission with it is out of date too. */
export const OUT_OF_DATE_OPTION_VALUE = "out_of_date";

/** The only choice in a list the app no longer fills (an option's text is at most 75 characters). */
export function outOfDateOption() {
  return option("This list is out of date: close the form and open it again", OUT_OF_DATE_OPTION_VALUE);
}

/** Replaces a form the app no longer knows, or opens for a shortcut it no longer has. */
export function outOfDateModal(what: "form" | "shortcut"): View {
  const lead = what === "form" ? "This form is out of date, so nothing was saved." : "This shortcut is out of date, so nothing was done.";
  return {
    type: "modal",
    title: plain("Out of date", 24),
    close: plain("Close"),
    blocks: [section(`${lead} Close this window, then ${START_AGAIN.charAt(0).toLowerCase()}${START_AGAIN.slice(1)}`)],
  } as View;
}
