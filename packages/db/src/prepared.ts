// Hot queries are built once: drizzle turns a query into SQL on every call,
// which costs more than running an indexed lookup on the embedded file. A
// prepared query keeps its SQL, and the driver keeps the statement it prepares.
import { sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

/**
 * A query built once per database handle and run again with new values (its
 * `sql.placeholder`s). Each handle has its own, so a query never runs on a
 * handle other than the one it was given.
 */
export function preparedQuery<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}

/**
 * `column in (…)` for a prepared query: the list comes as one JSON array in the
 * placeholder `name` (pass `JSON.stringify(ids)`), so one prepared query takes
 * any number of values; SQLite still searches the column's index for each.
 */
export function inJsonList(column: AnySQLiteColumn, name: string): SQL {
  return sql`${column} in (select value from json_each(${sql.placeholder(name)}))`;
}
