import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/differential/**/*.test.ts', 'parsers/**/*.test.ts', 'analysis/**/*.test.ts', 'main/**/*.test.ts', 'cli/**/*.test.ts'],
    testTimeout: 120_000,
    reporters: ['default'],
  },
});
