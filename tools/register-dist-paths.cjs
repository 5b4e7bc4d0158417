// Resolves the @upops/* aliases of the compiled workspace (dist/) at run time, so the
// built apps run with plain `node` (tsc does not rewrite path aliases).
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');

tsconfigPaths.register({
  baseUrl: path.join(__dirname, '..', 'dist'),
  paths: { '@upops/*': ['libs/*/src/index.js'] },
});
