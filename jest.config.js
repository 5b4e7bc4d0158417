// `npm test` runs every project in one jest process, so the embedded PostgreSQL (when
// DATABASE_URL is unset) starts once per run.
module.exports = {
  projects: ['<rootDir>/libs/*/jest.config.js', '<rootDir>/apps/*/jest.config.js'],
  // Global options (not read from projects): integration tests create and migrate databases.
  testTimeout: 60000,
};
