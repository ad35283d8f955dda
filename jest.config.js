/** Two tiers: pure unit specs beside the code, and e2e specs against a real SQLite file (test/e2e). */
const moduleNameMapper = {
  '^@lobbyflow/contracts$': '<rootDir>/libs/contracts/src',
  '^@lobbyflow/domain$': '<rootDir>/libs/domain/src',
};
// Type-checking is `npm run typecheck`; Jest only transpiles, which keeps the suite fast on two cores.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] };

module.exports = {
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
      moduleNameMapper,
      transform,
    },
  ],
};
