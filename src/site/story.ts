/**
 * The claims the explainer leads with, by id. The page reads every number, qualifier, claimant and
 * date from data/ through these ids, so a correction to the CSV changes the text too. They live in
 * the registry of required records (src/lib/required-records.ts), which the validator checks.
 */
export { HEADLINE_CLAIM_IDS } from '../lib/required-records.ts';
