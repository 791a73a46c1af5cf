/**
 * `npm start`: build the site for the address it is about to be served on, then serve it there
 * (scripts/start-origin.ts decides the address). To build for the public address, use
 * `SITE_URL=https://… npm run build` instead (README, "Publish").
 */
import { spawnSync } from 'node:child_process';
import { startPlan } from './start-origin.ts';

function run(args: string[], env: Record<string, string | undefined>): void {
  const result = spawnSync('npm', args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

let plan;
try {
  plan = startPlan(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
if (plan.replacedSiteUrl) {
  console.warn(
    `npm start builds for the address it serves, ${plan.siteUrl}, not SITE_URL=${plan.replacedSiteUrl}: ` +
      'use npm run build for a public build.',
  );
}
console.log(`Building for ${plan.siteUrl} (embed codes, oEmbed and citations will name it)…`);
run(['run', 'build'], plan.env);
run(['run', 'preview', '--', '--port', String(plan.port)], plan.env);
