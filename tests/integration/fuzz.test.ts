// Every procedure, fuzzed (issue 10): fast-check sends generated invalid and edge
// inputs (wrong types, missing and extra fields, huge strings, unicode, negative
// and huge numbers, ids of other organisations and of nothing) as each kind of
// caller. Every answer is a success or a refusal the API means (4xx: never an
// internal error), and a refused call leaves the database exactly as it was.
// 100 inputs per procedure here; FUZZ_RUNS=1000 for a longer run.
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@porchlight/api';
import { buildWorld, type ActorName, type World } from '../support/world';
import { remoteTestServer } from '../support/remote';

// over a libSQL server's HTTP API each statement takes milliseconds, not microseconds: a
// quarter of the inputs there still sends every kind of odd value through its protocol
const RUNS = Number(process.env.FUZZ_RUNS ?? (remoteTestServer() ? 25 : 100));
const ACTORS: ActorName[] = [
  'anonymous',
  'residentOfHouse',
  'officerOfHouse',
  'managerOfHouse',
  'operator',
  'otherOrgOperator',
];

interface ProcedureDef {
  _def: { type: string; inputs: Array<{ shape?: Record<string, unknown> }> };
}
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, ProcedureDef> } })
  ._def.procedures;

let world: World;
let fork: Awaited<ReturnType<World['fork']>>;
let callers: Record<string, unknown>;
let ids: string[];

/** Every id the world knows, of this organisation and of the other one. */
function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(value)) into.add(value);
  } else if (Array.isArray(value)) for (const v of value) idsIn(v, into);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value as Record<string, unknown>)) idsIn(v, into);
  return into;
}

beforeAll(async () => {
  world = await buildWorld();
  fork = await world.fork();
  callers = {};
  for (const actor of ACTORS) callers[actor] = await fork.caller(actor);
  ids = [...idsIn(world)];
}, 60_000);
afterAll(async () => {
  await fork.destroy();
  await world.destroy();
});

/** Moves with any write to the database (support/db.ts). */
const changes = () => fork.writeMark();

const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    "'; DROP TABLE residents; --",
    '<script>alert(1)</script>',
    '2026-02-30',
    '9999-12-31',
    '1900-01-01',
    '25:61',
    'NaN',
    '👩🏽‍🦱 Zoë Ñúñez',
    '\u202e\u200b',
  ),
  fc.constant('x'.repeat(100_000)),
);
const weirdNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    0,
    -1,
    2 ** 31,
    -(2 ** 53),
    Number.MAX_SAFE_INTEGER,
    Number.MAX_VALUE,
    Infinity,
    NaN,
    0.5,
  ),
);
function value(idPool: fc.Arbitrary<string>) {
  return fc.oneof(
    { weight: 4, arbitrary: idPool },
    { weight: 2, arbitrary: weirdString },
    { weight: 2, arbitrary: weirdNumber },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    {
      weight: 1,
      arbitrary: fc.array(fc.oneof(idPool, weirdString, weirdNumber), { maxLength: 5 }),
    },
    {
      weight: 1,
      arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), weirdString, { maxKeys: 3 }),
    },
  );
}

/** Inputs shaped like the procedure's own (its fields, some missing, some extra), or anything at all. */
function inputsFor(def: ProcedureDef, idPool: fc.Arbitrary<string>) {
  const keys = [...new Set(def._def.inputs.flatMap((i) => Object.keys(i.shape ?? {})))];
  const shaped =
    keys.length === 0
      ? fc.constant({})
      : fc.record(Object.fromEntries(keys.map((k) => [k, value(idPool)])), {
          requiredKeys: [],
        });
  const withExtra = fc
    .tuple(
      shaped,
      fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), value(idPool), { maxKeys: 2 }),
    )
    .map(([a, b]) => ({ ...b, ...a }));
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    { weight: 2, arbitrary: withExtra },
    { weight: 1, arbitrary: fc.anything() },
  );
}

function callOf(path: string, actor: string): (input: unknown) => Promise<unknown> {
  let target: unknown = callers[actor];
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  return target as (input: unknown) => Promise<unknown>;
}

/** What the generated calls came to, across every procedure: printed at the end. */
const outcomes = new Map<string, number>();
afterAll(() => {
  if (process.env.FUZZ_STATS) console.log(Object.fromEntries(outcomes));
});

describe(`every procedure, ${RUNS} generated inputs each`, () => {
  for (const [path, def] of Object.entries(procedures)) {
    if (def._def.type === 'subscription') continue;
    it(
      path,
      async () => {
        const idPool = fc.constantFrom(...ids, crypto.randomUUID(), 'not-an-id');
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...ACTORS),
            inputsFor(def, idPool),
            async (actor, input) => {
              const before = await changes();
              try {
                await callOf(path, actor)(input);
                outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
              } catch (error) {
                if (!(error instanceof TRPCError)) throw error;
                outcomes.set(error.code, (outcomes.get(error.code) ?? 0) + 1);
                expect(error.code, `${path} as ${actor}: ${error.message}`).not.toBe(
                  'INTERNAL_SERVER_ERROR',
                );
                expect(await changes(), `${path} as ${actor} was refused but wrote`).toBe(before);
              }
            },
          ),
          { numRuns: RUNS },
        );
      },
      120_000,
    );
  }
});
