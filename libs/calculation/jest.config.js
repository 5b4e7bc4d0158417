module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'calculation',
  rootDir: __dirname,
};
