/**
 * The shapes of the curated data once validated. The CSV columns are documented in data/README.md;
 * these types mirror them, with partial dates kept as strings (see dates.ts) and empty cells as null.
 */

export const QUALIFIERS = ['exact', 'about', 'nearly', 'at_least', 'more_than', 'vague'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const UNITS = ['people', 'battalions', 'percent', 'people_per_day'] as const;
export type Unit = (typeof UNITS)[number];

export const ACTIONS = [
  'defected',
  'deserted',
  'surrendered',
  'joined_cdm',
  'contacted_resistance',
  'contacted_nug',
  'waiting_to_leave',
  'answered_call',
] as const;
export type Action = (typeof ACTIONS)[number];

/** `people`: the claim does not say who ("33 people a day have contacted us"); we do not fill it in. */
export const PERSONNEL = ['soldiers', 'police', 'soldiers_and_police', 'security_forces', 'people'] as const;
export type Personnel = (typeof PERSONNEL)[number];

export const SCOPES = ['cumulative_since_coup', 'period', 'incident', 'rate'] as const;
export type Scope = (typeof SCOPES)[number];

export const VERIFICATIONS = ['unverified', 'disputed', 'corroborated'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

/** How one claim stands to another (data/relations.csv); the words of each are in src/lib/relations.ts. */
/**
 * How sure an event's date is (events.csv's date_certainty): `stated` by the article; `inferred`
 * from its words and its own date ("on Monday"); `approximate` to the precision given; or
 * `no_later_than`, an upper bound inferred from an article that says only "recently".
 */
export const DATE_CERTAINTIES = ['stated', 'inferred', 'approximate', 'no_later_than'] as const;
export type DateCertainty = (typeof DATE_CERTAINTIES)[number];

export const RELATIONS = [
  'running_total_after',
  'part_of',
  'may_be_part_of',
  'restates',
  'may_overlap_with',
  'different_measure_from',
] as const;
export type RelationKind = (typeof RELATIONS)[number];

export const CLAIMANT_KINDS = [
  'government_in_exile',
  'defector_group',
  'armed_group',
  'alliance',
  'residents',
  'junta',
  'anonymous_insider',
  'unnamed_sources',
  'unattributed',
] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

/** A partial ISO date: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export type PartialDate = string;

export interface Claim {
  id: string;
  source_id: string;
  claimant_id: string;
  /** Claimants the article credits jointly with claimant_id; empty when it speaks alone. */
  co_claimant_ids: string[];
  claimed_on: PartialDate;
  period_start: PartialDate | null;
  period_end: PartialDate | null;
  /** The length of the period in days when the article states it ("20 days", "two weeks"), else null. */
  stated_days: number | null;
  figure: number | null;
  unit: Unit;
  qualifier: Qualifier;
  /** A vague claim's own words for how many, as published ("Dozens of"); null for every other claim. */
  vague_words: string | null;
  action: Action;
  personnel: Personnel;
  place: string | null;
  scope: Scope;
  quote: string;
  verification: Verification;
  notes: string | null;
}

export interface Claimant {
  id: string;
  name: string;
  /** For chart labels where the full name does not fit: "NUG", "Police CDM Channel". */
  short_name: string;
  kind: ClaimantKind;
  description: string;
  interest: string;
}

export interface Source {
  id: string;
  outlet: string;
  headline: string;
  published: PartialDate;
  url: string;
  republished_by: string | null;
  language: string;
}

export interface TimelineEvent {
  id: string;
  date: PartialDate;
  date_certainty: DateCertainty;
  title: string;
  description: string;
  source_id: string;
}

/**
 * One admissible way to read a claim whose article allows more than one (data/readings.csv): each
 * non-empty field replaces the claim's own for derivations made under this reading.
 */
export interface Reading {
  claim_id: string;
  /** Unique within its claim: "two-weeks", "since-7-sept". */
  reading_id: string;
  /** What the reading says, in a few words: "over two weeks (14 days)". */
  label: string;
  /**
   * Who the article credits this reading's wording to, when not the claim's claimants: EFE gives the
   * lede's "around 750" to unnamed opposition sources and the body's "at least 750" to the alliance.
   * Empty keeps the claim's claimant_id and co_claimant_ids; the first id becomes the claimant.
   */
  claimant_ids: string[];
  qualifier: Qualifier | null;
  scope: Scope | null;
  period_start: PartialDate | null;
  period_end: PartialDate | null;
  stated_days: number | null;
  /** The article's words that support this reading, verbatim. */
  quote: string;
  note: string | null;
}

/** How one claim stands to another, as its notes say (data/relations.csv): `from` <relation> `to`. */
export interface Relation {
  from: string;
  relation: RelationKind;
  to: string;
  /** Why, in our words. */
  note: string;
}
