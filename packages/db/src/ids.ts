import { randomUUID } from 'node:crypto';

/** Record ids: random UUIDs, never derived from anything a person typed. */
export function newId(): string {
  return randomUUID();
}
