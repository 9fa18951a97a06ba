/**
 * Professions, based on the UK Civil Service / Government Functions and
 * Professions list, with the Analysis Function split into its professions
 * and Digital, Data and Technology (DDaT) split into its job families.
 * A couple of sensible extras ("Administration and business support",
 * "Frontline service delivery") cover community members who do not
 * identify with a formal profession.
 *
 * Used for a Slack static_select (max 100 options, option text ≤ 75 chars),
 * so the list is kept to at most 60 entries. ids are stable lowercase
 * kebab-case slugs: never change or reuse one. "Other" is deliberately not
 * in the list; callers offer it via OTHER_PROFESSION_ID.
 */

export interface Profession {
  id: string;
  name: string;
  /** e.g. "Digital, data and technology", "Analysis". */
  group?: string;
}

export const OTHER_PROFESSION_ID = "other";

export const PROFESSION_GROUPS = {
  analysis: "Analysis",
  ddat: "Digital, data and technology",
} as const;

const A = PROFESSION_GROUPS.analysis;
const D = PROFESSION_GROUPS.ddat;

function p(id: string, name: string, group?: string): Profession {
  return Object.freeze(group === undefined ? { id, name } : { id, name, group });
}

export const PROFESSIONS: readonly Profession[] = Object.freeze([
  // Government professions
  p("policy", "Policy"),
  p("operational-delivery", "Operational delivery"),
  p("communications", "Communications"),
  p("commercial", "Commercial"),
  p("finance", "Finance"),
  p("corporate-finance", "Corporate finance"),
  p("human-resources", "Human resources"),
  p("legal", "Legal"),
  p("project-delivery", "Project delivery"),
  p("property", "Property"),
  p("tax", "Tax"),
  p("internal-audit", "Internal audit"),
  p("counter-fraud", "Counter fraud"),
  p("security", "Security"),
  p("knowledge-and-information-management", "Knowledge and information management"),
  p("planning", "Planning"),
  p("planning-inspectors", "Planning inspectors"),
  p("intelligence-analysis", "Intelligence analysis"),
  p("occupational-psychology", "Occupational psychology"),
  p("science-and-engineering", "Science and engineering"),
  p("veterinary", "Veterinary"),
  p("medical", "Medical"),
  p("international-trade", "International trade"),
  p("education-and-training-inspection", "Education and training inspection"),

  // Analysis Function professions
  p("economics", "Economics", A),
  p("statistics", "Statistics", A),
  p("operational-research", "Operational research", A),
  p("social-research", "Social research", A),
  p("data-science", "Data science", A),
  p("geography", "Geography", A),
  p("actuarial", "Actuarial", A),

  // Digital, data and technology job families
  p("product-and-delivery", "Product and delivery", D),
  p("user-centred-design", "User-centred design", D),
  p("user-research", "User research", D),
  p("service-design", "Service design", D),
  p("interaction-design", "Interaction design", D),
  p("content-design", "Content design", D),
  p("software-development", "Software development", D),
  p("architecture", "Architecture", D),
  p("it-operations", "IT operations", D),
  p("data", "Data (engineering, analysis and architecture)", D),
  p("quality-assurance-testing", "Quality assurance testing (QAT)", D),

  // Extras for community members outside the formal professions
  p("administration-and-business-support", "Administration and business support"),
  p("frontline-service-delivery", "Frontline service delivery"),
]);

const BY_ID: ReadonlyMap<string, Profession> = (() => {
  const map = new Map<string, Profession>();
  for (const prof of PROFESSIONS) {
    if (map.has(prof.id)) throw new Error(`Duplicate profession id: ${prof.id}`);
    if (prof.id === OTHER_PROFESSION_ID) throw new Error(`"${OTHER_PROFESSION_ID}" is reserved`);
    map.set(prof.id, prof);
  }
  return map;
})();

export function findProfession(id: string): Profession | undefined {
  return BY_ID.get(id);
}
