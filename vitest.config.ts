import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Site tests share one build of dist/ (see tests/site/global-setup.ts).
    globalSetup: ['tests/global-setup.ts'],
  },
});
