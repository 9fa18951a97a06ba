// What the journey's buttons and menus carry, checked: each value comes back in a request anyone could forge.
import { z } from "zod";
import { pageNumber } from "../actions/membersPage";

/** A suggestion's Accept and Dismiss, and a confirmed removal: the stage and the page to redraw. */
export const stageValue = z.object({ s: z.string().min(1).max(40), p: pageNumber });

/** A stage's menu: the stage, what to do, and the page it was chosen on. */
export const stageChoice = stageValue.extend({ do: z.enum(["edit", "up", "down", "remove"]) });
