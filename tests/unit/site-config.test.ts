/**
 * SITE_URL and BASE_PATH are checked as astro.config.mjs loads (src/integrations/site-config.ts): a
 * bad value stops the build with a message naming the variable and the value.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORRECTIONS_EMAIL, isReservedHost, siteConfigFromEnv } from '../../src/integrations/site-config.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('SITE_URL', () => {
  it.each([
    ['https://news.example.org', 'https://news.example.org'],
    ['https://news.example.org/', 'https://news.example.org'],
    ['https://owner.github.io', 'https://owner.github.io'],
    ['https://news.example.test:8443', 'https://news.example.test:8443'],
    ['http://localhost:4321', 'http://localhost:4321'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ])('accepts %s', (value, site) => {
    expect(siteConfigFromEnv({ SITE_URL: value, CORRECTIONS_EMAIL: 'desk@news.example.org' }).site).toBe(site);
  });

  it.each([
    'news.example.org',
    'http://news.example.org',
    'https://localhost',
    'http://localhost',
    'https://news.example.org/defections/',
    'https://news.example.org/?a=1',
    'https://user@news.example.org',
    'https://news.example.org"><script>',
    'https://exa mple.org',
    'ftp://news.example.org',
    '//news.example.org',
  ])('rejects %j, naming SITE_URL and the value', (value) => {
    expect(() => siteConfigFromEnv({ SITE_URL: value })).toThrow(`SITE_URL is ${JSON.stringify(value)}; expected`);
  });

  it('takes the default when unset or empty', () => {
    const defaults = {
      site: 'https://defections.example.org',
      base: '/',
      correctionsEmail: 'corrections@defections.example.org',
    };
    expect(siteConfigFromEnv({})).toEqual(defaults);
    expect(siteConfigFromEnv({ SITE_URL: '', BASE_PATH: '', CORRECTIONS_EMAIL: '' })).toEqual(defaults);
  });
});

describe('CORRECTIONS_EMAIL', () => {
  it.each(['corrections@news.example.org', 'desk+fix@graphics.example.co.uk'])('accepts %s', (value) => {
    expect(siteConfigFromEnv({ CORRECTIONS_EMAIL: value }).correctionsEmail).toBe(value);
  });

  it.each([
    'tell us',
    'corrections',
    'a@localhost',
    'a b@example.org',
    'a@example.org?subject=x',
    '"a"@example.org',
    'a@example.org,b@example.org',
  ])('rejects %s, naming the variable', (value) => {
    expect(() => siteConfigFromEnv({ CORRECTIONS_EMAIL: value })).toThrow(
      `CORRECTIONS_EMAIL is ${JSON.stringify(value)}; expected one plain e-mail address`,
    );
  });
});

describe('BASE_PATH', () => {
  it.each(['/', '/defections/', '/graphics/defections/', '/my_repo.v2~x/'])('accepts %s', (value) => {
    expect(siteConfigFromEnv({ BASE_PATH: value }).base).toBe(value);
  });

  it.each(['defections/', '/defections', '//', '/a//b/', '/../', '/a b/', '/a"b/', '/a?b/', '/<x>/', 'https://x.org/'])(
    'rejects %j, naming BASE_PATH and the value',
    (value) => {
      expect(() => siteConfigFromEnv({ BASE_PATH: value })).toThrow(`BASE_PATH is ${JSON.stringify(value)}; expected`);
    },
  );
});

describe('astro.config.mjs', () => {
  // The config module itself, loaded as Astro loads it, then its first hook that reads settings: a bad
  // value is handed to validate-data, which reports it once it guards the output folder (a bad
  // setting removes a stale dist/ too: tests/build/bad-data-build.test.ts), and stops there.
  const script = [
    "const { default: config } = await import('./astro.config.mjs');",
    "const guard = config.integrations.find((integration) => integration.name === 'validate-data');",
    'const root = new URL(`file://${process.cwd()}/`);',
    "await guard.hooks['astro:config:setup']({ command: 'dev', config: { root, outDir: new URL('dist/', root) }, logger: console });",
  ].join('\n');
  const loadConfig = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });

  it('fails on a bad SITE_URL with a message naming it', () => {
    const result = loadConfig({ SITE_URL: 'http://news.example.org', BASE_PATH: '/' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('SITE_URL is "http://news.example.org"; expected an absolute https:// origin');
  });

  it('fails on a bad BASE_PATH with a message naming it', () => {
    const result = loadConfig({ SITE_URL: 'https://news.example.org', BASE_PATH: 'defections' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('BASE_PATH is "defections"; expected a path that starts and ends with "/"');
  });

  it('loads with good values', () => {
    const result = loadConfig({ SITE_URL: 'https://news.example.org', BASE_PATH: '/defections/' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('CORRECTIONS_EMAIL for a published site', () => {
  it('is required when the site is built for a real address, naming the variable and the placeholder', () => {
    for (const site of ['https://owner.github.io', 'https://news.bbc.co.uk', 'https://example.com.evil.org']) {
      expect(() => siteConfigFromEnv({ SITE_URL: site }), site).toThrow(
        /^CORRECTIONS_EMAIL is ""; expected .*placeholder/,
      );
      expect(siteConfigFromEnv({ SITE_URL: site, CORRECTIONS_EMAIL: 'desk@news.example.org' }).correctionsEmail).toBe(
        'desk@news.example.org',
      );
    }
  });

  it('may stay the placeholder for local and test builds (reserved names and loopback)', () => {
    for (const site of [
      'https://defections.example.org',
      'https://news.example.test:8443',
      'http://localhost:4321',
      'http://127.0.0.1:8080',
    ]) {
      expect(siteConfigFromEnv({ SITE_URL: site }).correctionsEmail, site).toBe(DEFAULT_CORRECTIONS_EMAIL);
    }
    expect(siteConfigFromEnv({}).correctionsEmail).toBe(DEFAULT_CORRECTIONS_EMAIL);
  });

  it('treats only whole reserved names as reserved', () => {
    expect(isReservedHost('news.example.org')).toBe(true);
    expect(isReservedHost('example')).toBe(true);
    expect(isReservedHost('myexample.org')).toBe(false);
    expect(isReservedHost('example.org.evil.com')).toBe(false);
    expect(isReservedHost('127.0.0.1')).toBe(true);
    expect(isReservedHost('127.0.0.1.nip.io')).toBe(false);
  });
});
