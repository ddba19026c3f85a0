import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { findPostgres, NO_POSTGRES } from './tests/helpers/postgres.ts';

// The sandbox's integration suite runs twice: on the embedded storage (SQLite + files) and on
// PostgreSQL (project sandbox-postgres: a test server started by the tests themselves).
const postgres = findPostgres();
if (!postgres) console.warn(`\n*** ${NO_POSTGRES} (the sandbox suite runs on SQLite only) ***\n`);

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
    globalSetup: ['./tests/helpers/global-teardown.ts'],
    projects: [
      // `npx vitest run --project unit`: in-process tests only, no server, under a minute or two.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // Tests that start a real server (next start), official clients, a browser-free sandbox.
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'sandbox-postgres',
                include: ['tests/integration/sandbox/**/*.test.ts'],
                env: { SANDBOX_TEST_STORAGE: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
