// Cursor pagination shared by every list: the cursor is an opaque offset.
import * as z from 'zod';

export const pageInput = {
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, 'is not a valid cursor.')
    .optional(),
  limit: z.number().int().min(1).max(200).default(50),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Fetch `limit + 1` rows, then call this to cut the extra one off. */
export function toPage<T>(rows: T[], offset: number, limit: number): Page<T> {
  const hasMore = rows.length > limit;
  return {
    items: hasMore ? rows.slice(0, limit) : rows,
    nextCursor: hasMore ? String(offset + limit) : null,
  };
}

export function offsetOf(cursor: string | undefined): number {
  return cursor ? Number(cursor) : 0;
}
