// The package ships its own types at index.d.ts, but its "exports" map does
// not name them, so "Bundler" resolution cannot reach them. Its API is
// better-sqlite3's (it is a build of the same code with the cipher added;
// keys are applied with PRAGMAs, see db/driver.ts), so better-sqlite3's types
// describe it. Only types come from there: nothing loads better-sqlite3 itself.
declare module 'better-sqlite3-multiple-ciphers' {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the types are `export =`
  import BetterSqlite3 = require('better-sqlite3');
  export = BetterSqlite3;
}
