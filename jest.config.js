/** Settings both projects share. */
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  // tsconfig.json sets isolatedModules, so ts-jest only transpiles each file; `npm run typecheck` checks the types.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
};

/** @type {import('jest').Config} */
module.exports = {
  // One suite per core. Suites that start processes use their own ports and temporary folders.
  maxWorkers: '100%',
  projects: [
    {
      ...common,
      displayName: 'newsgraph',
      roots: ['<rootDir>/test'],
      // Tests of the other project only.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/extra-article/'],
      setupFiles: ['reflect-metadata'],
      // Builds dist/ once (the service and its web pages), for the tests that run the service as a process and those that load its pages.
      globalSetup: '<rootDir>/test/setup/build-service.global-setup.ts',
    },
    {
      // The tests over the bundled data, again, on a copy of graph-data/ with one more article
      // (test/fixtures/extra-article): adding a valid article must never turn them red.
      ...common,
      displayName: 'bundled data with an extra article',
      roots: ['<rootDir>/test/bundled-data', '<rootDir>/test/extra-article'],
      setupFiles: ['reflect-metadata', '<rootDir>/test/setup/extra-article.setup.ts'],
      globalSetup: '<rootDir>/test/setup/extra-article.global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/extra-article.global-teardown.ts',
    },
  ],
};
