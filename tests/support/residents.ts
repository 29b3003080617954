// Residents written straight into the database, one in each of a house's beds, each with
// a stay since ten days ago and a signed-in session: the durability harness and the
// scaling test then record check-ins as these people, through the real server.
import { newId, schema, type Db } from '@porchlight/db';
import { addDays, localDateAt } from '@porchlight/domain';
import { newToken, sessionCookie } from '../bench/generate/sessions';

export interface SignedInResident {
  /** The Cookie header the server (started with `secret`) accepts. */
  cookie: string;
  timezone: string;
  residentId: string;
}

export async function signedInResidents(
  db: Db,
  house: { id: string; organisationId: string; timezone: string; bedIds: string[] },
  now: Date,
  secret: string,
  tag: string,
): Promise<SignedInResident[]> {
  const residents: SignedInResident[] = [];
  const today = localDateAt(now, house.timezone);
  const rows = house.bedIds.map((bedId, i) => ({
    bedId,
    userId: newId(),
    residentId: newId(),
    membershipId: newId(),
    token: newToken(),
    name: `Resident ${now.getTime()}-${i}`,
  }));
  // one batch, as the product writes: the people, their stays since ten days ago, their sessions
  await db.batch([
    db.insert(schema.users).values(
      rows.map((r) => ({
        id: r.userId,
        name: r.name,
        email: `${r.userId}@${tag}.example`,
        emailVerified: true,
      })),
    ),
    db.insert(schema.memberships).values(
      rows.map((r) => ({
        id: r.membershipId,
        organisationId: house.organisationId,
        userId: r.userId,
        role: 'resident' as const,
      })),
    ),
    db.insert(schema.residents).values(
      rows.map((r) => ({
        id: r.residentId,
        organisationId: house.organisationId,
        houseId: house.id,
        firstName: r.name,
        lastName: tag,
        userId: r.userId,
      })),
    ),
    db.insert(schema.stays).values(
      rows.map((r) => ({
        id: newId(),
        organisationId: house.organisationId,
        residentId: r.residentId,
        houseId: house.id,
        bedId: r.bedId,
        startDate: addDays(today, -10),
      })),
    ),
    db.insert(schema.sessions).values(
      rows.map((r) => ({
        id: newId(),
        token: r.token,
        userId: r.userId,
        expiresAt: new Date(now.getTime() + 86_400_000),
        createdAt: now,
        updatedAt: now,
        userAgent: `porchlight-${tag}`,
      })),
    ),
  ]);
  for (const r of rows)
    residents.push({
      cookie: await sessionCookie(r.token, secret),
      timezone: house.timezone,
      residentId: r.residentId,
    });
  return residents;
}
