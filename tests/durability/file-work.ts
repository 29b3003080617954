// The harness's own work on the database file, done in a short-lived process of
// its own between rounds (while no server runs): libSQL keeps a closed
// connection's file open until its statements are garbage-collected, and a
// connection left over in the harness could hold a lock the next server meets.
//
//   node --import tsx durability/file-work.ts <folder>
// reads <folder>/state.json, writes <folder>/round.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient } from '@libsql/client';
import { createDb, migrateDb, newId, schema, verifyAuditLog } from '@porchlight/db';
import { localDateAt } from '@porchlight/domain';
import { signedInResidents } from '../support/residents';

export const SECRET = 'porchlight-durability-secret-0123456789-not-for-production';
/** Residents signed in each round; each records up to three days' check-ins. */
export const RESIDENTS_PER_ROUND = 16;

export interface Resident {
  cookie: string;
  timezone: string;
}

export interface State {
  house: MadeHouse | null;
  acknowledged: string[];
}

export interface RoundFile {
  house: MadeHouse;
  integrity: string;
  lost: number;
  halfWritten: number;
  /** Problems the audit chain's verifier found (the server seals what the last one left). */
  chainProblems: string[];
  residents: Resident[];
}

/** Ends the last round's stays and signs in a new set of residents (the server is down). */
export async function nextResidents(
  dbPath: string,
  house: MadeHouse,
  now: Date,
): Promise<Resident[]> {
  const handle = await createDb(`file:${dbPath}`);
  try {
    await handle.client.execute({
      sql: 'UPDATE stays SET end_date = ? WHERE house_id = ? AND end_date IS NULL',
      args: [localDateAt(now, house.timezone), house.id],
    });
    return await signedInResidents(handle.db, house, now, SECRET, 'durability');
  } finally {
    handle.close();
  }
}

/** The file, checked with the server dead. */
export async function checkFile(dbPath: string, acknowledged: readonly string[]) {
  const client = createClient({ url: `file:${dbPath}` });
  try {
    const integrity = (await client.execute('PRAGMA integrity_check')).rows
      .map((r) => String(r[0] as string))
      .join('; ');
    let lost = 0;
    for (let i = 0; i < acknowledged.length; i += 500) {
      const ids = acknowledged.slice(i, i + 500);
      const marks = ids.map(() => '?').join(',');
      const found = await client.execute({
        sql: `SELECT c.id FROM check_ins c
              WHERE c.id IN (${marks})
                AND EXISTS (SELECT 1 FROM audit_log a
                            WHERE a.record_type = 'check_in' AND a.record_id = c.id)`,
        args: ids,
      });
      lost += ids.length - found.rows.length;
    }
    const half = await client.execute(
      `SELECT count(*) FROM check_ins c
       WHERE NOT EXISTS (SELECT 1 FROM audit_log a
                         WHERE a.record_type = 'check_in' AND a.record_id = c.id)`,
    );
    const chain = await verifyAuditLog(client);
    return {
      integrity,
      lost,
      halfWritten: Number(half.rows[0]?.[0] ?? 0),
      chainProblems: chain.problems.map((p) => `entry ${p.id}: ${p.reason}`),
    };
  } finally {
    client.close();
  }
}

export interface MadeHouse {
  id: string;
  organisationId: string;
  timezone: string;
  bedIds: string[];
}

/** A fresh, migrated database with one house of RESIDENTS_PER_ROUND beds. */
async function setUp(dbPath: string): Promise<MadeHouse> {
  const setup = await createDb(`file:${dbPath}`);
  try {
    await migrateDb(setup.db);
    const house: MadeHouse = {
      id: newId(),
      organisationId: newId(),
      timezone: 'America/Chicago',
      bedIds: Array.from({ length: RESIDENTS_PER_ROUND }, () => newId()),
    };
    const roomId = newId();
    await setup.db.batch([
      setup.db
        .insert(schema.organisations)
        .values({ id: house.organisationId, name: 'Durability Recovery Homes' }),
      setup.db.insert(schema.houses).values({
        id: house.id,
        organisationId: house.organisationId,
        name: 'Durability House',
        address: '1 Test Street',
        timezone: house.timezone,
        narrLevel: 2,
        capacity: RESIDENTS_PER_ROUND,
      }),
      setup.db.insert(schema.rooms).values({ id: roomId, houseId: house.id, name: 'Room 1' }),
      setup.db
        .insert(schema.beds)
        .values(
          house.bedIds.map((id, i) => ({ id, houseId: house.id, roomId, label: `Bed ${i + 1}` })),
        ),
    ]);
    return house;
  } finally {
    setup.close();
  }
}

const dir = process.argv[2];
if (dir && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dbPath = join(dir, 'porchlight.db');
  const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as State;
  const house = state.house ?? (await setUp(dbPath));
  const file = state.house
    ? await checkFile(dbPath, state.acknowledged)
    : { integrity: 'ok', lost: 0, halfWritten: 0, chainProblems: [] };
  const residents = await nextResidents(dbPath, house, new Date());
  const out: RoundFile = { house, ...file, residents };
  writeFileSync(join(dir, 'round.json'), JSON.stringify(out));
}
