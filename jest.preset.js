// Shared jest settings for every project: SWC with decorator metadata (code-first GraphQL
// needs it), @upops/* aliases resolved to library sources, one embedded PostgreSQL per run.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@upops/(.*)$': path.join(root, 'libs/$1/src/index.ts'),
  },
  testMatch: ['**/?(*.)+(spec|int-spec|e2e-spec).ts'],
  globalSetup: path.join(root, 'libs/testing/src/jest/global-setup.mjs'),
  globalTeardown: path.join(root, 'libs/testing/src/jest/global-teardown.mjs'),
  testTimeout: 60000,
};
