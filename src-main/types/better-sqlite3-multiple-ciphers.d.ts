// The package ships its types at index.d.ts but its "exports" map does not
// name them, so "Bundler" resolution cannot find them: point to them here.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database = require('better-sqlite3-multiple-ciphers/index');
  export = Database;
}
