import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['{electron,shared,db,renderer}/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    exclude: ['node_modules/**', 'out/**', 'dist/**'],
    pool: 'forks',
    testTimeout: 30_000,
  },
});
