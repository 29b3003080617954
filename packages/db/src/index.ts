export * from './client';
export { openLibsqlClient } from './driver';
export * from './migrate';
export * from './audit-chain';
export { WorkerClient } from './worker-client';
export { inJsonList, preparedQuery } from './prepared';
export * as schema from './schema';
export * from './schema';
export { newId } from './ids';
// One drizzle instance for the workspace: other packages take its operators from here.
export {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  ne,
  not,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
export type { BatchItem } from 'drizzle-orm/batch';
export { alias } from 'drizzle-orm/sqlite-core';
export { defaultOfficeRows } from './offices';
