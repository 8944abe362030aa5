import { sql } from 'drizzle-orm';
import { pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The workflow database (PGlite by default, PostgreSQL by DATABASE_URL). Police records live in the
 * DuckDB warehouse instead; this holds what panels create. Every panel-owned row carries panel_id.
 */
export const panels = pgTable(
  'panels',
  {
    id: serial('id').primaryKey(),
    /** GSS code of the borough the panel serves, e.g. E09000012 for Hackney. */
    boroughCode: text('borough_code').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`)
  },
  (t) => [uniqueIndex('panels_borough_code_unique').on(t.boroughCode)]
);

export type Panel = typeof panels.$inferSelect;
