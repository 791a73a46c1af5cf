import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,charts,build}/**/*.test.ts'],
    globalSetup: ['tests/build/global-setup.ts'],
    // The build tests run `astro build`, which takes tens of seconds on a two-core machine.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
