// Files tsc does not emit but the built platform needs beside its code.
const { cpSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
cpSync(path.join(root, 'libs/database/embedded'), path.join(root, 'dist/libs/database/embedded'), { recursive: true });
cpSync(path.join(root, 'libs/catalogue/data'), path.join(root, 'dist/libs/catalogue/data'), { recursive: true });
cpSync(path.join(root, 'libs/identity/data'), path.join(root, 'dist/libs/identity/data'), { recursive: true });
