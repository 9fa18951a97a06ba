// What the actions' buttons carry, checked: each value comes back in a request anyone could forge.
import { z } from "zod";
import { pageNumber } from "../actions/membersPage";

/** /community actions' pager, and Done in that list (which then redraws the same page): the community, the list and the page. */
export const actionsPageValue = z.object({ c: z.string().min(1).max(40), f: z.enum(["mine", "open", "done"]), p: pageNumber });

/** Done in /community actions: the action, with the list to redraw. */
export const listDoneValue = actionsPageValue.extend({ a: z.string().min(1).max(40) });
