// The organisation and profession inputs, shared by the create and join modals.
import { OTHER_PROFESSION_ID, PROFESSIONS } from "../reference/professions";
import { type AnyBlock, option, plain } from "./blocks";
import { ACTION, PROFILE_BLOCK } from "./ids";

export interface ProfileDefaults {
  organisation?: { id: string; label: string };
  organisationOther?: string | null;
  /** A profession id; the initial option is taken from the list itself. */
  profession?: string;
  professionOther?: string | null;
}

export const OTHER_ORGANISATION_LABEL = "Other (type it below)";

const professionOptions = [
  // A name with brackets of its own is shown alone: its group in a second pair would read as nested.
  ...PROFESSIONS.map((p) => option(p.group && !p.name.includes("(") ? `${p.name} (${p.group})` : p.name, p.id)),
  option("Other (type it below)", OTHER_PROFESSION_ID),
];

export function profileBlocks(who: "your" | "their", defaults: ProfileDefaults = {}): AnyBlock[] {
  const Who = who === "your" ? "Your" : "Their";
  const initialProfession = professionOptions.find((o) => o.value === defaults.profession);
  return [
    {
      type: "input",
      block_id: PROFILE_BLOCK.organisation,
      label: plain(`${Who} organisation`),
      hint: plain("Type a few letters or an abbreviation, for example HMRC, DWP or Companies House. Not listed? Choose Other.", 150),
      element: {
        type: "external_select",
        action_id: ACTION.organisation,
        min_query_length: 0,
        placeholder: plain("Search organisations"),
        ...(defaults.organisation ? { initial_option: option(defaults.organisation.label, defaults.organisation.id) } : {}),
      },
    },
    {
      type: "input",
      block_id: PROFILE_BLOCK.organisationOther,
      optional: true,
      label: plain("If you chose Other: the organisation's name"),
      element: {
        type: "plain_text_input",
        action_id: ACTION.input,
        max_length: 100,
        ...(defaults.organisationOther ? { initial_value: defaults.organisationOther } : {}),
      },
    },
    {
      type: "input",
      block_id: PROFILE_BLOCK.profession,
      label: plain(`${Who} profession`),
      element: {
        type: "static_select",
        action_id: ACTION.input,
        placeholder: plain("Choose a profession"),
        options: professionOptions,
        // Slack rejects an initial option that is not exactly one of the options.
        ...(initialProfession ? { initial_option: initialProfession } : {}),
      },
    },
    {
      type: "input",
      block_id: PROFILE_BLOCK.professionOther,
      optional: true,
      label: plain("If you chose Other: the profession"),
      element: {
        type: "plain_text_input",
        action_id: ACTION.input,
        max_length: 100,
        ...(defaults.professionOther ? { initial_value: defaults.professionOther } : {}),
      },
    },
  ];
}
