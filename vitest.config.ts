import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // The JSON report lets CI print one closing count across both runners.
    // (CI's second run, on another date, names its own report.)
    reporters: [
      'default',
      ['json', { outputFile: process.env.VITEST_JSON_REPORT ?? 'reports/vitest.json' }],
    ],
  },
});
