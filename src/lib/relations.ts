/**
 * How one claim stands to another (data/relations.csv), in words read from either end: a row says
 * "the 50 is part of the 453", and the 453's page says "includes the 50". Pure: pages and tests
 * read the same wording.
 */
import type { Relation, RelationKind } from './types.ts';

interface RelationWording {
  /** Read from the row's `from` claim: "<from> is part of <to>". */
  forward: string;
  /** Read from the row's `to` claim: "<to> includes <from>"; equal to forward when symmetric. */
  inverse: string;
}

export const RELATION_WORDING: Record<RelationKind, RelationWording> = {
  running_total_after: { forward: 'is the running total after', inverse: 'is counted in the running total' },
  part_of: { forward: 'is part of', inverse: 'includes' },
  may_be_part_of: { forward: 'may be part of', inverse: 'may include' },
  restates: { forward: 'restates', inverse: 'is restated by' },
  may_overlap_with: { forward: 'may overlap with', inverse: 'may overlap with' },
  different_measure_from: { forward: 'counts a different measure from', inverse: 'counts a different measure from' },
};

export function relationIsSymmetric(kind: RelationKind): boolean {
  const wording = RELATION_WORDING[kind];
  return wording.forward === wording.inverse;
}

/** One relation as seen from one of its claims: the wording from that end and the other claim. */
export interface RelatedClaim {
  otherId: string;
  wording: string;
  note: string;
  relation: RelationKind;
}

/** Every relation a claim takes part in, from either end, in file order. */
export function relationsOf(claimId: string, relations: readonly Relation[]): RelatedClaim[] {
  const found: RelatedClaim[] = [];
  for (const relation of relations) {
    const wording = RELATION_WORDING[relation.relation];
    if (relation.from === claimId)
      found.push({ otherId: relation.to, wording: wording.forward, note: relation.note, relation: relation.relation });
    else if (relation.to === claimId)
      found.push({
        otherId: relation.from,
        wording: wording.inverse,
        note: relation.note,
        relation: relation.relation,
      });
  }
  return found;
}
