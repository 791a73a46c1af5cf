import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, StartConfigError, startPlan } from '../../scripts/start-origin.ts';
import { siteConfigFromEnv } from '../../src/integrations/site-config.ts';

describe('npm start builds for the address it serves', () => {
  it('serves on 4321 and builds for http://localhost:4321 by default', () => {
    const plan = startPlan({});
    expect(plan.port).toBe(DEFAULT_PORT);
    expect(plan.siteUrl).toBe('http://localhost:4321');
    expect(plan.env.SITE_URL).toBe('http://localhost:4321');
    expect(plan.replacedSiteUrl).toBeUndefined();
  });

  it('honours PORT for both the server and the build', () => {
    const plan = startPlan({ PORT: '8080' });
    expect(plan.port).toBe(8080);
    expect(plan.env.SITE_URL).toBe('http://localhost:8080');
  });

  it('builds for its own origin even when SITE_URL names another, and says so', () => {
    const plan = startPlan({ SITE_URL: 'https://news.example.org', PORT: '5000' });
    expect(plan.env.SITE_URL).toBe('http://localhost:5000');
    expect(plan.replacedSiteUrl).toBe('https://news.example.org');
  });

  it('keeps the rest of the environment (BASE_PATH, PATH...)', () => {
    const plan = startPlan({ BASE_PATH: '/defections/', PATH: '/usr/bin' });
    expect(plan.env.BASE_PATH).toBe('/defections/');
    expect(plan.env.PATH).toBe('/usr/bin');
  });

  it('gives an origin the site config accepts', () => {
    const { site } = siteConfigFromEnv(startPlan({ PORT: '4400' }).env);
    expect(site).toBe('http://localhost:4400');
  });

  it.each(['80', 'abc', '4321x', '70000', '-1', '43.21'])('rejects PORT=%s, naming it', (port) => {
    expect(() => startPlan({ PORT: port })).toThrow(StartConfigError);
    expect(() => startPlan({ PORT: port })).toThrow(/PORT is/);
  });
});
