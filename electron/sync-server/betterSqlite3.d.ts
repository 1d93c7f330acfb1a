// Types for the part of better-sqlite3 the sync server uses (the package ships none and
// @types/better-sqlite3 is not a dependency). The shape follows better-sqlite3 12's API.
declare module 'better-sqlite3' {
  namespace BetterSqlite3 {
    interface RunResult {
      changes: number;
      lastInsertRowid: number | bigint;
    }
    interface Statement {
      run(...params: unknown[]): RunResult;
      get(...params: unknown[]): unknown;
      all(...params: unknown[]): unknown[];
    }
    /** A transaction function; `.immediate` takes the write lock when it begins. */
    interface Transaction<Args extends unknown[], Result> {
      (...args: Args): Result;
      immediate(...args: Args): Result;
    }
    interface Database {
      readonly open: boolean;
      readonly name: string;
      prepare(sql: string): Statement;
      exec(sql: string): this;
      pragma(source: string, options?: { simple?: boolean }): unknown;
      transaction<Args extends unknown[], Result>(
        fn: (...args: Args) => Result,
      ): Transaction<Args, Result>;
      close(): this;
    }
    interface Options {
      readonly?: boolean;
      fileMustExist?: boolean;
      timeout?: number;
    }
  }
  const BetterSqlite3: new (
    filename: string,
    options?: BetterSqlite3.Options,
  ) => BetterSqlite3.Database;
  export default BetterSqlite3;
}
