/**
 * Tiers: pure unit specs beside the code, e2e specs against a real SQLite file (test/e2e; DB=postgres
 * switches), browser tests of the built UIs, and scale tests of two server processes (test/scale).
 */
const moduleNameMapper = {
  '^@lobbyflow/contracts$': '<rootDir>/libs/contracts/src',
  '^@lobbyflow/domain$': '<rootDir>/libs/domain/src',
  '^@lobbyflow/ui-kit$': '<rootDir>/libs/ui-kit/src',
};
// Type-checking is `npm run typecheck`; Jest only transpiles, which keeps the suite fast on two cores.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] };

module.exports = {
  // e2e specs run real servers on real SQLite files with slow password hashing: a generous limit, which is
  // a guard against hangs, never a timing assertion.
  testTimeout: 30000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/libs', '<rootDir>/apps'],
      testMatch: ['**/*.spec.ts'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/test/e2e/support/verify-caches.ts'],
      moduleNameMapper,
      transform,
    },
    {
      // Two built server processes on PostgreSQL + Redis (`npm run test:scale`); not part of `npm test`.
      displayName: 'scale',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/scale'],
      testMatch: ['**/*.scale-spec.ts'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/browser'],
      testMatch: ['**/*.browser-spec.ts'],
      moduleNameMapper,
      transform,
    },
  ],
};
