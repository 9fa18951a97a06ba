/**
 * UK public-sector organisations, used as reference data for the
 * "organisation" picker (a Slack external select with type-ahead).
 *
 * Names follow the official GOV.UK names as of 2025. `aliases` hold the
 * abbreviations, former names and colloquial names people actually type
 * (e.g. "Inland Revenue", "Jobcentre Plus", "BEIS", "DLUHC").
 *
 * ids are stable lowercase kebab-case slugs: they are stored against
 * members, so never change or reuse one. "Other" is deliberately not in
 * the list; callers offer it via OTHER_ORGANISATION_ID.
 */

export type OrganisationKind =
  | "ministerial_department"
  | "non_ministerial_department"
  | "agency_or_public_body"
  | "devolved_administration"
  | "local_government"
  | "other";

export interface Organisation {
  id: string;
  name: string;
  abbreviation?: string;
  aliases: readonly string[];
  kind: OrganisationKind;
}

export const OTHER_ORGANISATION_ID = "other";

/** Display / default ordering of kinds: ministerial departments first. */
const KIND_ORDER: readonly OrganisationKind[] = [
  "ministerial_department",
  "non_ministerial_department",
  "agency_or_public_body",
  "devolved_administration",
  "local_government",
  "other",
];

function org(kind: OrganisationKind, id: string, name: string, abbreviation?: string, aliases: readonly string[] = []): Organisation {
  const o: Organisation = { id, name, aliases: Object.freeze([...aliases]), kind };
  if (abbreviation !== undefined) o.abbreviation = abbreviation;
  return Object.freeze(o);
}

type Maker = (id: string, name: string, abbreviation?: string, aliases?: readonly string[]) => Organisation;
const ministerial: Maker = (...a) => org("ministerial_department", ...a);
const nonMinisterial: Maker = (...a) => org("non_ministerial_department", ...a);
const body: Maker = (...a) => org("agency_or_public_body", ...a);
const devolved: Maker = (...a) => org("devolved_administration", ...a);
const local: Maker = (...a) => org("local_government", ...a);
const other: Maker = (...a) => org("other", ...a);

const RAW_ORGANISATIONS: readonly Organisation[] = [
  // ---------------------------------------------------------------------
  // Ministerial departments
  // ---------------------------------------------------------------------
  ministerial("ago", "Attorney General's Office", "AGO", ["Attorney General", "Law Officers"]),
  ministerial("cabinet-office", "Cabinet Office", "CO"),
  ministerial("dbt", "Department for Business and Trade", "DBT", [
    "Business and Trade",
    "BEIS",
    "Department for Business, Energy and Industrial Strategy",
    "DIT",
    "Department for International Trade",
    "BIS",
  ]),
  ministerial("dcms", "Department for Culture, Media and Sport", "DCMS", [
    "Culture, Media and Sport",
    "Department for Digital, Culture, Media and Sport",
  ]),
  ministerial("dfe", "Department for Education", "DfE", ["Education", "ESFA", "Education and Skills Funding Agency", "DfES"]),
  ministerial("desnz", "Department for Energy Security and Net Zero", "DESNZ", [
    "Energy Security and Net Zero",
    "BEIS",
    "DECC",
    "Department of Energy and Climate Change",
  ]),
  ministerial("defra", "Department for Environment, Food & Rural Affairs", "Defra", ["Environment, Food and Rural Affairs", "MAFF"]),
  ministerial("dhsc", "Department of Health and Social Care", "DHSC", [
    "Department of Health",
    "DH",
    "DoH",
    "OHID",
    "Office for Health Improvement and Disparities",
  ]),
  ministerial("dsit", "Department for Science, Innovation and Technology", "DSIT", ["Science, Innovation and Technology", "BEIS"]),
  ministerial("dft", "Department for Transport", "DfT", ["Transport"]),
  ministerial("dwp", "Department for Work and Pensions", "DWP", [
    "Work and Pensions",
    "Jobcentre Plus",
    "JCP",
    "Jobcentre",
    "Job Centre",
    "The Pension Service",
    "Child Maintenance Service",
    "DSS",
  ]),
  ministerial("fcdo", "Foreign, Commonwealth & Development Office", "FCDO", [
    "FCO",
    "Foreign Office",
    "Foreign and Commonwealth Office",
    "DFID",
    "Department for International Development",
  ]),
  ministerial("hm-treasury", "HM Treasury", "HMT", ["Treasury", "His Majesty's Treasury"]),
  ministerial("home-office", "Home Office", "HO", ["Immigration Enforcement"]),
  ministerial("mod", "Ministry of Defence", "MOD", ["Defence"]),
  ministerial("mhclg", "Ministry of Housing, Communities and Local Government", "MHCLG", [
    "DLUHC",
    "Levelling Up",
    "Department for Levelling Up, Housing and Communities",
    "DCLG",
    "Communities and Local Government",
  ]),
  ministerial("moj", "Ministry of Justice", "MoJ", ["Justice"]),
  ministerial("nio", "Northern Ireland Office", "NIO"),
  ministerial("oag-scotland", "Office of the Advocate General for Scotland", "OAG", ["Advocate General"]),
  ministerial("leader-of-the-commons", "Office of the Leader of the House of Commons", undefined, ["Leader of the House of Commons"]),
  ministerial("leader-of-the-lords", "Office of the Leader of the House of Lords", undefined, ["Leader of the House of Lords"]),
  ministerial("scotland-office", "Office of the Secretary of State for Scotland", undefined, [
    "Scotland Office",
    "UK Government in Scotland",
  ]),
  ministerial("wales-office", "Office of the Secretary of State for Wales", undefined, [
    "Wales Office",
    "UK Government in Wales",
    "Swyddfa Cymru",
  ]),
  ministerial("number-10", "Prime Minister's Office, 10 Downing Street", undefined, ["Number 10", "No 10", "Downing Street"]),
  ministerial("ukef", "UK Export Finance", "UKEF", ["Export Credits Guarantee Department", "ECGD"]),

  // ---------------------------------------------------------------------
  // Non-ministerial departments
  // ---------------------------------------------------------------------
  nonMinisterial("charity-commission", "The Charity Commission", undefined, ["Charity Commission for England and Wales"]),
  nonMinisterial("cma", "Competition and Markets Authority", "CMA", ["Office of Fair Trading", "OFT", "Competition Commission"]),
  nonMinisterial("cps", "Crown Prosecution Service", "CPS"),
  nonMinisterial("food-standards-agency", "Food Standards Agency", "FSA"),
  nonMinisterial("forestry-commission", "Forestry Commission", undefined, ["Forestry England", "Forest Research"]),
  nonMinisterial("gad", "Government Actuary's Department", "GAD", ["Government Actuary"]),
  nonMinisterial("gld", "Government Legal Department", "GLD", ["Treasury Solicitor's Department", "TSol"]),
  nonMinisterial("hm-land-registry", "HM Land Registry", "HMLR", ["Land Registry"]),
  nonMinisterial("hmrc", "HM Revenue & Customs", "HMRC", [
    "Revenue and Customs",
    "Inland Revenue",
    "HM Customs and Excise",
    "Valuation Office Agency",
    "VOA",
  ]),
  nonMinisterial("ns-and-i", "National Savings and Investments", "NS&I", ["NSI", "Premium Bonds"]),
  nonMinisterial("the-national-archives", "The National Archives", "TNA", ["Public Record Office"]),
  nonMinisterial("nca", "National Crime Agency", "NCA", ["SOCA"]),
  nonMinisterial("orr", "Office of Rail and Road", "ORR", ["Office of Rail Regulation"]),
  nonMinisterial("ofgem", "Ofgem", undefined, ["Office of Gas and Electricity Markets", "Gas and Electricity Markets Authority"]),
  nonMinisterial("ofqual", "Ofqual", undefined, ["Office of Qualifications and Examinations Regulation"]),
  nonMinisterial("ofsted", "Ofsted", undefined, ["Office for Standards in Education, Children's Services and Skills"]),
  nonMinisterial("ofwat", "Ofwat", undefined, ["Water Services Regulation Authority"]),
  nonMinisterial("sfo", "Serious Fraud Office", "SFO"),
  nonMinisterial("supreme-court", "Supreme Court of the United Kingdom", "UKSC", ["Supreme Court"]),
  nonMinisterial("uk-statistics-authority", "UK Statistics Authority", "UKSA", ["Statistics Authority"]),

  // ---------------------------------------------------------------------
  // Executive agencies and other public bodies
  // ---------------------------------------------------------------------
  // Business and trade
  body("companies-house", "Companies House", undefined, ["CH", "Registrar of Companies"]),
  body("insolvency-service", "The Insolvency Service", undefined, ["Insolvency Service", "INSS"]),
  body("ipo", "Intellectual Property Office", "IPO", ["UK IPO", "Patent Office"]),
  body("british-business-bank", "British Business Bank", "BBB", ["Start Up Loans"]),
  body("opss", "Office for Product Safety and Standards", "OPSS", ["Product Safety"]),
  body("acas", "Acas", undefined, ["Advisory, Conciliation and Arbitration Service"]),
  // Cabinet Office and HM Treasury
  body("crown-commercial-service", "Crown Commercial Service", "CCS"),
  body("government-property-agency", "Government Property Agency", "GPA"),
  body("nista", "National Infrastructure and Service Transformation Authority", "NISTA", [
    "Infrastructure and Projects Authority",
    "IPA",
    "National Infrastructure Commission",
  ]),
  body("giaa", "Government Internal Audit Agency", "GIAA"),
  body("fca", "Financial Conduct Authority", "FCA", ["Financial Services Authority"]),
  // Science, innovation and technology
  body("gds", "Government Digital Service", "GDS", [
    "CDDO",
    "Central Digital and Data Office",
    "i.AI",
    "Incubator for Artificial Intelligence",
    "GOV.UK",
  ]),
  body("met-office", "Met Office", undefined, ["Meteorological Office"]),
  body("ukri", "UK Research and Innovation", "UKRI", ["Research councils", "EPSRC", "ESRC", "MRC", "NERC"]),
  body("innovate-uk", "Innovate UK", undefined, ["Technology Strategy Board"]),
  body("ordnance-survey", "Ordnance Survey", "OS"),
  body("ofcom", "Ofcom", undefined, ["Office of Communications"]),
  body("ico", "Information Commissioner's Office", "ICO", ["Information Commissioner"]),
  body("uk-space-agency", "UK Space Agency", "UKSA"),
  // Work and pensions
  body("the-pensions-regulator", "The Pensions Regulator", "TPR", ["Pensions Regulator"]),
  body("money-and-pensions-service", "Money and Pensions Service", "MaPS", [
    "MoneyHelper",
    "Money Advice Service",
    "Pension Wise",
    "The Pensions Advisory Service",
  ]),
  body("hse", "Health and Safety Executive", "HSE"),
  // Home Office
  body("ukvi", "UK Visas and Immigration", "UKVI", ["UK Border Agency", "UKBA", "Home Office visas"]),
  body("hm-passport-office", "HM Passport Office", "HMPO", ["Passport Office", "Identity and Passport Service"]),
  body("border-force", "Border Force", undefined, ["UK Border Force"]),
  body("dbs", "Disclosure and Barring Service", "DBS", ["Criminal Records Bureau", "CRB"]),
  // Justice
  body("hmcts", "HM Courts & Tribunals Service", "HMCTS", ["Courts and Tribunals Service", "HM Courts Service", "Tribunals Service"]),
  body("hmpps", "HM Prison and Probation Service", "HMPPS", [
    "HM Prison Service",
    "Prison Service",
    "Probation Service",
    "National Probation Service",
    "NOMS",
  ]),
  body("legal-aid-agency", "Legal Aid Agency", "LAA", ["Legal Services Commission"]),
  body("opg", "Office of the Public Guardian", "OPG"),
  // Transport
  body("dvla", "Driver and Vehicle Licensing Agency", "DVLA"),
  body("dvsa", "Driver and Vehicle Standards Agency", "DVSA", ["VOSA", "Driving Standards Agency"]),
  body("mca", "Maritime and Coastguard Agency", "MCA", ["HM Coastguard", "Coastguard"]),
  body("caa", "Civil Aviation Authority", "CAA", ["UK Civil Aviation Authority"]),
  body("national-highways", "National Highways", undefined, ["Highways England", "Highways Agency"]),
  body("network-rail", "Network Rail"),
  // Education
  body("skills-england", "Skills England"),
  body("student-loans-company", "Student Loans Company", "SLC", ["Student Loans", "Student Finance England", "Student Finance"]),
  body("office-for-students", "Office for Students", "OfS", ["HEFCE"]),
  // Health and social care
  body("nhs-england", "NHS England", "NHSE", ["NHS Digital", "NHSX", "Health Education England", "HEE", "NHS Improvement"]),
  body("nhsbsa", "NHS Business Services Authority", "NHSBSA", ["NHS BSA"]),
  body("ukhsa", "UK Health Security Agency", "UKHSA", ["Public Health England", "PHE"]),
  body("mhra", "Medicines and Healthcare products Regulatory Agency", "MHRA"),
  body("cqc", "Care Quality Commission", "CQC"),
  body("nice", "National Institute for Health and Care Excellence", "NICE"),
  // Environment, food and rural affairs
  body("environment-agency", "Environment Agency", "EA"),
  body("natural-england", "Natural England", "NE"),
  body("rural-payments-agency", "Rural Payments Agency", "RPA"),
  body("apha", "Animal and Plant Health Agency", "APHA"),
  body("mmo", "Marine Management Organisation", "MMO"),
  // Housing, communities and local government
  body("homes-england", "Homes England", undefined, ["Homes and Communities Agency", "HCA"]),
  body("planning-inspectorate", "The Planning Inspectorate", "PINS", ["Planning Inspectorate"]),
  // Defence
  body("des", "Defence Equipment and Support", "DE&S", ["DES"]),
  body("dstl", "Defence Science and Technology Laboratory", "Dstl"),
  // Statistics
  body("ons", "Office for National Statistics", "ONS"),
  // Scottish and Welsh public bodies
  body("social-security-scotland", "Social Security Scotland"),
  body("transport-scotland", "Transport Scotland"),
  body("registers-of-scotland", "Registers of Scotland", "RoS"),
  body("sepa", "Scottish Environment Protection Agency", "SEPA"),
  body("natural-resources-wales", "Natural Resources Wales", "NRW", ["Cyfoeth Naturiol Cymru"]),

  // ---------------------------------------------------------------------
  // Devolved administrations
  // ---------------------------------------------------------------------
  devolved("scottish-government", "Scottish Government", undefined, ["Scottish Executive", "Riaghaltas na h-Alba"]),
  devolved("welsh-government", "Welsh Government", undefined, ["Llywodraeth Cymru", "Welsh Assembly Government"]),
  devolved("ni-executive-office", "The Executive Office (Northern Ireland)", "TEO", [
    "Northern Ireland Executive",
    "NI Executive",
    "Northern Ireland Civil Service",
    "NICS",
    "OFMDFM",
  ]),
  devolved("ni-department-of-agriculture", "Department of Agriculture, Environment and Rural Affairs (NI)", "DAERA"),
  devolved("ni-department-for-communities", "Department for Communities (NI)", "DfC"),
  devolved("ni-department-for-the-economy", "Department for the Economy (NI)", undefined, ["DfE NI"]),
  devolved("ni-department-of-education", "Department of Education (NI)", "DE"),
  devolved("ni-department-of-finance", "Department of Finance (NI)", "DoF"),
  devolved("ni-department-of-health", "Department of Health (NI)", undefined, ["DoH NI"]),
  devolved("ni-department-for-infrastructure", "Department for Infrastructure (NI)", "DfI"),
  devolved("ni-department-of-justice", "Department of Justice (NI)", "DoJ"),

  // ---------------------------------------------------------------------
  // Local government (as categories)
  // ---------------------------------------------------------------------
  local("local-gov-county-council", "Local government: county council", undefined, ["County council"]),
  local("local-gov-district-council", "Local government: district council", undefined, [
    "District council",
    "Borough council",
    "City council",
  ]),
  local("local-gov-unitary-authority", "Local government: unitary authority", undefined, ["Unitary authority", "Unitary council"]),
  local("local-gov-london-borough", "Local government: London borough", undefined, ["London borough", "City of London Corporation"]),
  local("local-gov-metropolitan-borough", "Local government: metropolitan borough", undefined, [
    "Metropolitan borough",
    "Metropolitan district",
  ]),
  local("local-gov-combined-authority", "Local government: combined or strategic authority", undefined, [
    "Combined authority",
    "Mayoral combined authority",
    "Combined county authority",
    "Strategic authority",
  ]),
  local("local-gov-parish-council", "Local government: parish or town council", undefined, [
    "Parish council",
    "Town council",
    "Community council",
  ]),
  local("local-gov-scottish-council", "Local government: Scottish council", undefined, ["Scottish council"]),
  local("local-gov-welsh-council", "Local government: Welsh council", undefined, ["Welsh council"]),
  local("local-gov-ni-council", "Local government: Northern Ireland council", undefined, ["Northern Ireland council", "NI council"]),
  local("greater-london-authority", "Greater London Authority", "GLA", ["Mayor of London", "London Assembly"]),
  local("transport-for-london", "Transport for London", "TfL"),
  local("local-government-association", "Local Government Association", "LGA"),
  local("cosla", "Convention of Scottish Local Authorities", "COSLA"),
  local("wlga", "Welsh Local Government Association", "WLGA"),

  // ---------------------------------------------------------------------
  // Other public-sector organisations (as categories where sensible)
  // ---------------------------------------------------------------------
  other("uk-parliament", "UK Parliament", undefined, ["House of Commons", "House of Lords", "Parliament"]),
  other("nao", "National Audit Office", "NAO"),
  other("bank-of-england", "Bank of England", "BoE", ["Prudential Regulation Authority", "PRA"]),
  other("nhs-trust", "NHS trust or integrated care board", undefined, [
    "NHS foundation trust",
    "Hospital trust",
    "Integrated care board",
    "ICB",
  ]),
  other("nhs-scotland", "NHS Scotland", undefined, ["NHS health board"]),
  other("nhs-wales", "NHS Wales", undefined, ["GIG Cymru"]),
  other("hscni", "Health and Social Care Northern Ireland", "HSCNI", ["HSC"]),
  other("police", "Police force", undefined, ["Police", "Constabulary", "Police and crime commissioner"]),
  other("fire-and-rescue", "Fire and rescue service", undefined, ["Fire service"]),
  other("armed-forces", "British Armed Forces", undefined, [
    "Armed forces",
    "British Army",
    "Royal Navy",
    "Royal Air Force",
    "RAF",
    "Royal Marines",
  ]),
  other("school-or-academy-trust", "School, college or academy trust", undefined, [
    "School",
    "Academy trust",
    "Multi-academy trust",
    "MAT",
    "Further education college",
  ]),
  other("university", "University or higher education institution", undefined, ["University", "HEI"]),
];

// -------------------------------------------------------------------------
// Normalisation and indexes (built once at module load)
// -------------------------------------------------------------------------

/**
 * Lower-case, strip accents and apostrophes, turn "&" into "and", and
 * collapse every other run of punctuation/whitespace into a single space.
 */
function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’‘`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function sortKey(name: string): string {
  return normalise(name).replace(/^the /, "");
}

export const ORGANISATIONS: readonly Organisation[] = Object.freeze(
  [...RAW_ORGANISATIONS].sort((a, b) => {
    const byKind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
    if (byKind !== 0) return byKind;
    const ka = sortKey(a.name);
    const kb = sortKey(b.name);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  }),
);

const BY_ID: ReadonlyMap<string, Organisation> = (() => {
  const map = new Map<string, Organisation>();
  for (const o of ORGANISATIONS) {
    if (map.has(o.id)) throw new Error(`Duplicate organisation id: ${o.id}`);
    if (o.id === OTHER_ORGANISATION_ID) throw new Error(`"${OTHER_ORGANISATION_ID}" is reserved`);
    map.set(o.id, o);
  }
  return map;
})();

interface SearchEntry {
  org: Organisation;
  /** Normalised name, abbreviation and aliases (deduplicated). */
  keys: readonly string[];
  /** Every distinct word across all keys, for multi-word matching. */
  words: readonly string[];
}

const SEARCH_INDEX: readonly SearchEntry[] = ORGANISATIONS.map((o) => {
  const raw = [o.name, ...(o.abbreviation ? [o.abbreviation] : []), ...o.aliases];
  const keys = new Set<string>();
  for (const r of raw) {
    const k = normalise(r);
    if (k) keys.add(k);
    // "The Pensions Regulator" should also behave like "Pensions Regulator".
    if (k.startsWith("the ")) keys.add(k.slice(4));
  }
  const words = new Set<string>();
  for (const k of keys) for (const w of k.split(" ")) words.add(w);
  return { org: o, keys: [...keys], words: [...words] };
});

/** Match tiers, best first. */
const EXACT = 0;
const PREFIX = 1;
const WORD_PREFIX = 2;
const SUBSTRING = 3;
const ALL_WORDS = 4;
const NO_MATCH = 5;

function matchTier(entry: SearchEntry, query: string, queryWords: readonly string[]): number {
  let best = NO_MATCH;
  const spacedQuery = ` ${query}`;
  for (const key of entry.keys) {
    if (key === query) return EXACT;
    if (best > PREFIX && key.startsWith(query)) best = PREFIX;
    else if (best > WORD_PREFIX && ` ${key}`.includes(spacedQuery)) best = WORD_PREFIX;
    else if (best > SUBSTRING && key.includes(query)) best = SUBSTRING;
  }
  if (best === NO_MATCH && queryWords.length > 1) {
    // e.g. "revenue customs" or "prison probation": every word of the query
    // starts some word of the organisation's name/aliases, in any order.
    const allMatch = queryWords.every((qw) => entry.words.some((w) => w.startsWith(qw)));
    if (allMatch) best = ALL_WORDS;
  }
  return best;
}

// -------------------------------------------------------------------------
// Public API
// -------------------------------------------------------------------------

export function findOrganisation(id: string): Organisation | undefined {
  return BY_ID.get(id);
}

/**
 * Type-ahead search. Case- and punctuation-insensitive ("&" ≡ "and").
 * Ranking: exact name/abbreviation/alias match, then prefix match, then a
 * word in the name/aliases starting with the query, then substring, then
 * all query words matching word prefixes. Ties keep the default order
 * (ministerial departments first, then by name). An empty query returns
 * the first `limit` organisations in default order.
 */
export function searchOrganisations(query: string, limit = 100): Organisation[] {
  const max = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 100;
  if (max === 0) return [];
  const q = normalise(query ?? "");
  if (!q) return ORGANISATIONS.slice(0, max);

  const queryWords = q.split(" ");
  const buckets: Organisation[][] = [[], [], [], [], []];
  for (const entry of SEARCH_INDEX) {
    const tier = matchTier(entry, q, queryWords);
    if (tier !== NO_MATCH) buckets[tier]?.push(entry.org);
  }
  const results: Organisation[] = [];
  for (const bucket of buckets) {
    for (const o of bucket) {
      results.push(o);
      if (results.length >= max) return results;
    }
  }
  return results;
}
