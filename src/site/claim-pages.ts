/**
 * Where a claim's own page is. The claim pages (/claims/<id>/, src/pages/claims/[id].astro) are built
 * on another branch; until that route is in this build the list links nowhere it cannot reach, so
 * a link is offered only when the route file exists. Once the route is merged this is always true.
 */
import { routes } from './routes.ts';

const claimRoute = Object.keys(import.meta.glob('../pages/claims/*.astro')).some((file) =>
  file.endsWith('/[id].astro'),
);

/** The site path of a claim's own page, or null while this build has none. */
export function claimPagePath(id: string): string | null {
  return claimRoute ? routes.claim(id) : null;
}
