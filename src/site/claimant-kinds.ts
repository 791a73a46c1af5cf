import type { ClaimantKind } from '../lib/types.ts';

/** A claimant's kind in words, for the claimant pages and their index. */
export const CLAIMANT_KIND_LABELS: Record<ClaimantKind, string> = {
  government_in_exile: 'Parallel government',
  defector_group: 'Defector group',
  armed_group: 'Armed group',
  alliance: 'Alliance of armed groups',
  residents: 'Local residents',
  junta: 'The junta',
  anonymous_insider: 'Anonymous insider',
  unnamed_sources: 'Unnamed sources',
  unattributed: 'No source named',
};
