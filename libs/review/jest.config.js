module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'review',
  rootDir: __dirname,
};
