/**
 * The claims the explainer leads with, by id. The page reads every number, qualifier, claimant and
 * date from data/ through these ids, so a correction to the CSV changes the text too.
 */
export const HEADLINE_CLAIM_IDS = [
  'nug-defected-3000-2021-09',
  'nug-cdm-15000-2023-08',
  'nug-cdm-20000-2023-12',
  'anti-junta-alliance-deserted-750-2023-11',
] as const;
