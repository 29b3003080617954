import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, type LocalDate } from '../dates';
import {
  ATTENTION_KINDS,
  ATTENTION_LABELS,
  type AttentionFlag,
  attentionFlags,
  cravingSpike,
  type ResidentFacts,
} from './attention';
import type { RequirementStatus } from './policy';

const TODAY: LocalDate = '2026-03-11';
const NOW = new Date('2026-03-11T16:00:00Z');
const DAY_MS = 86_400_000;

/** A resident with nothing to flag; each test adds only what it is about. */
function resident(overrides: Partial<ResidentFacts> = {}): ResidentFacts {
  return {
    residentId: 'resident-1',
    name: 'Ana',
    out: null,
    today: { daily: 'done', curfew: 'due' },
    yesterday: { daily: 'done', curfew: 'done' },
    cravings: [],
    positiveTests: [],
    barc10: [],
    meetings: { thisWeek: 1, required: 3, phaseName: 'Phase 1' },
    ...overrides,
  };
}

/** Check-ins `daysBefore` the latest date, oldest first, then the latest one. */
function history(
  latestDate: LocalDate,
  latest: number,
  earlier: ReadonlyArray<[daysBefore: number, craving: number]>,
): ResidentFacts['cravings'] {
  return [
    ...earlier.map(([daysBefore, craving]) => ({
      date: addDays(latestDate, -daysBefore),
      craving,
      checkInId: `check-in-${daysBefore}`,
    })),
    { date: latestDate, craving: latest, checkInId: 'check-in-latest' },
  ];
}

function out(overdueMinutes: number, kind: 'sign_out' | 'pass' = 'sign_out') {
  return {
    kind,
    id: `${kind}-1`,
    destination: 'the library',
    expectedReturnAt: new Date(NOW.getTime() - overdueMinutes * 60_000),
    overdueMinutes,
  };
}

function positiveTest(
  ageMs: number,
  overrides: Partial<ResidentFacts['positiveTests'][number]> = {},
): ResidentFacts['positiveTests'][number] {
  return {
    id: 'test-1',
    collectedAt: new Date(NOW.getTime() - ageMs),
    result: 'positive',
    positiveFor: ['Cocaine'],
    ...overrides,
  };
}

function flagsFor(facts: Partial<ResidentFacts>): AttentionFlag[] {
  return attentionFlags([resident(facts)], TODAY, NOW);
}

function only(facts: Partial<ResidentFacts>): AttentionFlag {
  const flags = flagsFor(facts);
  expect(flags).toHaveLength(1);
  const [flag] = flags;
  if (!flag) throw new Error('expected one flag');
  return flag;
}

describe('labels', () => {
  test('every kind of flag has a plain-English label', () => {
    for (const kind of ATTENTION_KINDS) expect(ATTENTION_LABELS[kind]).toMatch(/^[A-Z][a-z -]+$/);
  });
});

describe('cravingSpike', () => {
  test('a craving exactly 3 above the resident’s own average is a spike', () => {
    expect(
      cravingSpike(
        history(TODAY, 5, [
          [1, 2],
          [2, 2],
          [3, 2],
        ]),
        TODAY,
      ),
    ).toEqual({
      craving: 5,
      average: 2,
      checkInId: 'check-in-latest',
      date: TODAY,
    });
  });

  test('a craving 2.9 above the average is not a spike', () => {
    // nine 2s and one 3: an average of 2.1
    const earlier: Array<[number, number]> = [
      [1, 3],
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((d): [number, number] => [d, 2]),
    ];
    expect(cravingSpike(history(TODAY, 5, earlier), TODAY)).toBeNull();
    expect(cravingSpike(history(TODAY, 6, earlier), TODAY)).toMatchObject({
      craving: 6,
      average: 2.1,
    });
  });

  test('a craving at or below the average is not a spike', () => {
    expect(
      cravingSpike(
        history(TODAY, 4, [
          [1, 4],
          [2, 4],
          [3, 4],
        ]),
        TODAY,
      ),
    ).toBeNull();
    expect(
      cravingSpike(
        history(TODAY, 0, [
          [1, 8],
          [2, 9],
          [3, 10],
        ]),
        TODAY,
      ),
    ).toBeNull();
  });

  test('yesterday’s check-in counts when today’s is not in yet', () => {
    const yesterday = addDays(TODAY, -1);
    expect(
      cravingSpike(
        history(yesterday, 7, [
          [1, 1],
          [2, 1],
          [3, 1],
        ]),
        TODAY,
      ),
    ).toEqual({
      craving: 7,
      average: 1,
      checkInId: 'check-in-latest',
      date: yesterday,
    });
  });

  test('a latest check-in older than yesterday gives no spike', () => {
    expect(
      cravingSpike(
        history(addDays(TODAY, -2), 10, [
          [1, 0],
          [2, 0],
          [3, 0],
        ]),
        TODAY,
      ),
    ).toBeNull();
  });

  test('fewer than three earlier check-ins give no spike; three are enough', () => {
    expect(cravingSpike(history(TODAY, 10, []), TODAY)).toBeNull();
    expect(cravingSpike(history(TODAY, 10, [[1, 0]]), TODAY)).toBeNull();
    expect(
      cravingSpike(
        history(TODAY, 10, [
          [1, 0],
          [2, 0],
        ]),
        TODAY,
      ),
    ).toBeNull();
    expect(
      cravingSpike(
        history(TODAY, 10, [
          [1, 0],
          [2, 0],
          [3, 0],
        ]),
        TODAY,
      ),
    ).not.toBeNull();
  });

  test('no check-ins at all give no spike', () => {
    expect(cravingSpike([], TODAY)).toBeNull();
  });

  test('the average takes the 14 days before the latest check-in and nothing older', () => {
    // 14 days before counts; 15 days before would lift the average to 3.25 and hide the spike
    expect(
      cravingSpike(
        history(TODAY, 4, [
          [15, 10],
          [14, 1],
          [2, 1],
          [1, 1],
        ]),
        TODAY,
      ),
    ).toMatchObject({ craving: 4, average: 1 });
    expect(
      cravingSpike(
        history(TODAY, 4, [
          [14, 10],
          [2, 1],
          [1, 1],
        ]),
        TODAY,
      ),
    ).toBeNull();
  });

  test('check-ins older than 14 days do not make up the history either', () => {
    expect(
      cravingSpike(
        history(TODAY, 10, [
          [20, 0],
          [15, 0],
          [2, 0],
          [1, 0],
        ]),
        TODAY,
      ),
    ).toBeNull();
  });

  test('the window is counted back from the latest check-in, not from today', () => {
    // latest is yesterday, so 15 days before today is 14 days before it, and counts
    const yesterday = addDays(TODAY, -1);
    expect(
      cravingSpike(
        history(yesterday, 4, [
          [14, 1],
          [2, 1],
          [1, 1],
        ]),
        TODAY,
      ),
    ).toMatchObject({ average: 1 });
  });

  test('only the latest check-in is compared, not an earlier high one', () => {
    // yesterday's 9 was a spike; today's 2 is not, and today's is the one that counts
    expect(
      cravingSpike(
        history(TODAY, 2, [
          [1, 9],
          [2, 1],
          [3, 1],
          [4, 1],
        ]),
        TODAY,
      ),
    ).toBeNull();
  });

  test('check-ins may come in any order, and the given list is left as it was', () => {
    const cravings = [
      ...history(TODAY, 8, [
        [3, 2],
        [1, 2],
        [2, 5],
      ]),
    ].reverse();
    const before = structuredClone(cravings);
    expect(cravingSpike(cravings, TODAY)).toEqual({
      craving: 8,
      average: 3,
      checkInId: 'check-in-latest',
      date: TODAY,
    });
    expect(cravings).toEqual(before);
  });

  test('the average is rounded to one decimal', () => {
    expect(
      cravingSpike(
        history(TODAY, 5, [
          [1, 1],
          [2, 1],
          [3, 2],
        ]),
        TODAY,
      ),
    ).toMatchObject({
      average: 1.3,
    });
  });
});

describe('overdue returns', () => {
  test('a sign-out past its expected return is flagged, in hours and minutes', () => {
    expect(only({ out: out(95) })).toEqual({
      residentId: 'resident-1',
      residentName: 'Ana',
      kind: 'overdue_return',
      why: 'Signed out to the library: 1 h 35 min past the expected return, not back yet.',
      link: { kind: 'sign_out', id: 'sign_out-1' },
      weight: 95,
    });
  });

  test('a pass past its expected return says it was a pass', () => {
    expect(only({ out: out(120, 'pass') })).toMatchObject({
      why: 'Pass to the library: 2 h past the expected return, not back yet.',
      link: { kind: 'pass', id: 'pass-1' },
    });
  });

  test('under an hour reads in minutes only, from the first minute', () => {
    expect(only({ out: out(1) }).why).toBe(
      'Signed out to the library: 1 min past the expected return, not back yet.',
    );
    expect(only({ out: out(59) }).why).toBe(
      'Signed out to the library: 59 min past the expected return, not back yet.',
    );
  });

  test('out but not overdue (0 minutes) is not flagged', () => {
    expect(flagsFor({ out: out(0) })).toEqual([]);
    expect(flagsFor({ out: out(0, 'pass') })).toEqual([]);
  });

  test('in the house is not flagged', () => {
    expect(flagsFor({ out: null })).toEqual([]);
  });
});

describe('missed check-ins', () => {
  test('a missed daily check-in today is flagged, linking to their check-ins', () => {
    expect(only({ today: { daily: 'missed', curfew: 'due' } })).toEqual({
      residentId: 'resident-1',
      residentName: 'Ana',
      kind: 'missed_check_in',
      why: 'Missed today’s daily check-in.',
      link: { kind: 'check_ins', id: 'resident-1' },
      weight: 1,
    });
  });

  test('each missed check-in is named, today’s and yesterday’s', () => {
    expect(only({ today: { daily: 'done', curfew: 'missed' } }).why).toBe(
      'Missed tonight’s curfew check-in.',
    );
    expect(only({ yesterday: { daily: 'missed', curfew: 'done' } }).why).toBe(
      'Missed yesterday’s daily check-in.',
    );
    expect(only({ yesterday: { daily: 'done', curfew: 'missed' } }).why).toBe(
      'Missed last night’s curfew check-in.',
    );
    expect(only({ today: { daily: 'missed', curfew: 'missed' } }).why).toBe(
      'Missed today’s daily check-in and tonight’s curfew check-in.',
    );
  });

  test('several missed check-ins make one flag, weighed by how many', () => {
    const flag = only({
      today: { daily: 'missed', curfew: 'missed' },
      yesterday: { daily: 'missed', curfew: 'missed' },
    });
    expect(flag.weight).toBe(4);
    for (const part of [
      'today’s daily check-in',
      'tonight’s curfew check-in',
      'yesterday’s daily check-in',
      'last night’s curfew check-in',
    ])
      expect(flag.why).toContain(part);
  });

  const notMissed: RequirementStatus[] = [
    'away',
    'not_required',
    'due',
    'done',
    'late',
    'unsigned',
  ];
  test.each(notMissed)('a check-in that is %s is not flagged as missed', (status) => {
    expect(
      flagsFor({
        today: { daily: status, curfew: status },
        yesterday: { daily: status, curfew: status },
      }),
    ).toEqual([]);
  });

  test('no day yesterday (moved in today) is not a missed check-in', () => {
    expect(flagsFor({ today: { daily: 'not_required', curfew: 'due' }, yesterday: null })).toEqual(
      [],
    );
  });
});

describe('positive and refused tests', () => {
  test('a positive test is flagged with the substances found, linking to the test', () => {
    expect(
      only({ positiveTests: [positiveTest(DAY_MS, { positiveFor: ['Cocaine', 'Opiates'] })] }),
    ).toEqual({
      residentId: 'resident-1',
      residentName: 'Ana',
      kind: 'positive_test',
      why: 'Tested positive for Cocaine, Opiates yesterday.',
      link: { kind: 'test', id: 'test-1' },
      weight: 1,
    });
  });

  test('a refused test says that a refusal counts as positive', () => {
    expect(
      only({ positiveTests: [positiveTest(3 * DAY_MS, { result: 'refused', positiveFor: [] })] })
        .why,
    ).toBe('Refused a test 3 days ago (a refusal counts as positive).');
  });

  test('when it was reads today, yesterday, or so many days ago', () => {
    const why = (ageMs: number) =>
      only({ positiveTests: [positiveTest(ageMs, { positiveFor: [] })] }).why;
    expect(why(0)).toBe('Tested positive today.');
    expect(why(DAY_MS - 1)).toBe('Tested positive today.');
    expect(why(DAY_MS)).toBe('Tested positive yesterday.');
    expect(why(2 * DAY_MS)).toBe('Tested positive 2 days ago.');
  });

  test('a collection time a little ahead of the clock reads as today', () => {
    // the API accepts a collection time up to 5 minutes in the future
    expect(only({ positiveTests: [positiveTest(-2 * 60_000)] }).why).toBe(
      'Tested positive for Cocaine today.',
    );
  });

  test('a test exactly 7 days old is still on the list; 7 days and 1 ms is off', () => {
    expect(only({ positiveTests: [positiveTest(7 * DAY_MS)] }).why).toBe(
      'Tested positive for Cocaine 7 days ago.',
    );
    expect(flagsFor({ positiveTests: [positiveTest(7 * DAY_MS + 1)] })).toEqual([]);
  });

  test('the latest recent test is named, weighed by how many are recent', () => {
    const flag = only({
      positiveTests: [
        positiveTest(5 * DAY_MS, { id: 'older', positiveFor: ['Marijuana'] }),
        positiveTest(8 * DAY_MS, { id: 'too-old' }),
        positiveTest(2 * DAY_MS, { id: 'latest', result: 'refused', positiveFor: [] }),
      ],
    });
    expect(flag).toMatchObject({
      why: 'Refused a test 2 days ago (a refusal counts as positive).',
      link: { kind: 'test', id: 'latest' },
      weight: 2,
    });
  });

  test('no tests, no flag', () => {
    expect(flagsFor({ positiveTests: [] })).toEqual([]);
  });
});

describe('craving spikes', () => {
  test('a spike today is flagged with the craving and the average', () => {
    expect(
      only({
        cravings: history(TODAY, 7, [
          [1, 2],
          [2, 2],
          [3, 2],
        ]),
      }),
    ).toEqual({
      residentId: 'resident-1',
      residentName: 'Ana',
      kind: 'craving_spike',
      why: 'Craving 7 of 10 today, against their own 14-day average of 2.',
      link: { kind: 'check_ins', id: 'resident-1' },
      weight: 5,
    });
  });

  test('a spike yesterday says yesterday, and a decimal average reads as one', () => {
    expect(
      only({
        cravings: history(addDays(TODAY, -1), 5, [
          [1, 1],
          [2, 1],
          [3, 2],
        ]),
      }).why,
    ).toBe('Craving 5 of 10 yesterday, against their own 14-day average of 1.3.');
  });

  test('no spike, no flag', () => {
    expect(
      flagsFor({
        cravings: history(TODAY, 4, [
          [1, 2],
          [2, 2],
          [3, 2],
        ]),
      }),
    ).toEqual([]);
  });
});

describe('a falling BARC-10', () => {
  test('a fall of 3 or more is flagged with both totals', () => {
    expect(
      only({
        barc10: [
          { on: '2026-01-20', total: 45 },
          { on: '2026-02-20', total: 42 },
        ],
      }),
    ).toEqual({
      residentId: 'resident-1',
      residentName: 'Ana',
      kind: 'barc10_falling',
      why: 'Recovery capital (BARC-10) fell from 45 to 42 of 60.',
      link: { kind: 'recovery_capital', id: 'resident-1' },
      weight: 3,
    });
  });

  test('totals are read in date order whatever order they come in', () => {
    expect(
      only({
        barc10: [
          { on: '2026-02-20', total: 30 },
          { on: '2025-12-20', total: 20 },
          { on: '2026-01-20', total: 50 },
        ],
      }).why,
    ).toBe('Recovery capital (BARC-10) fell from 50 to 30 of 60.');
  });

  test('a fall of 2, a rise, or a single total is not flagged', () => {
    const twice = (a: number, b: number) => [
      { on: '2026-01-20', total: a },
      { on: '2026-02-20', total: b },
    ];
    expect(flagsFor({ barc10: twice(45, 43) })).toEqual([]);
    expect(flagsFor({ barc10: twice(40, 50) })).toEqual([]);
    expect(flagsFor({ barc10: [{ on: '2026-02-20', total: 12 }] })).toEqual([]);
    expect(flagsFor({ barc10: [] })).toEqual([]);
  });
});

describe('no meetings this week', () => {
  test('no meeting when the phase asks for some is flagged, naming the phase', () => {
    expect(only({ meetings: { thisWeek: 0, required: 3, phaseName: 'Phase 1' } })).toEqual({
      residentId: 'resident-1',
      residentName: 'Ana',
      kind: 'no_meetings',
      why: 'No recovery meeting logged this week; Phase 1 asks for 3 a week.',
      link: { kind: 'check_ins', id: 'resident-1' },
      weight: 3,
    });
  });

  test('without a phase name it says their phase', () => {
    expect(only({ meetings: { thisWeek: 0, required: 2, phaseName: null } }).why).toBe(
      'No recovery meeting logged this week; their phase asks for 2 a week.',
    );
  });

  test('one meeting is enough not to be flagged', () => {
    expect(flagsFor({ meetings: { thisWeek: 1, required: 5, phaseName: 'Phase 1' } })).toEqual([]);
  });

  test('a phase that requires no meetings never flags', () => {
    expect(flagsFor({ meetings: { thisWeek: 0, required: 0, phaseName: 'Phase 3' } })).toEqual([]);
    expect(flagsFor({ meetings: { thisWeek: 0, required: 0, phaseName: null } })).toEqual([]);
  });
});

describe('the order of the list', () => {
  const everything: Partial<ResidentFacts> = {
    out: out(30),
    today: { daily: 'missed', curfew: 'due' },
    positiveTests: [positiveTest(DAY_MS)],
    cravings: history(TODAY, 9, [
      [1, 1],
      [2, 1],
      [3, 1],
    ]),
    barc10: [
      { on: '2026-01-20', total: 50 },
      { on: '2026-02-20', total: 40 },
    ],
    meetings: { thisWeek: 0, required: 3, phaseName: 'Phase 1' },
    support: {
      daysInHouse: 40,
      emptyPillars: ['professional'],
      daysSinceMentorContact: 9,
      hasMentor: true,
    },
  };

  test('a resident with every concern gets one flag of each kind, most urgent first', () => {
    expect(flagsFor(everything).map((f) => f.kind)).toEqual([...ATTENTION_KINDS]);
  });

  test('kinds come before weight: overdue, missed, test, craving, BARC-10, meetings', () => {
    const flags = attentionFlags(
      [
        resident({
          residentId: 'm',
          name: 'Mia',
          meetings: { thisWeek: 0, required: 7, phaseName: null },
        }),
        resident({ residentId: 'b', name: 'Bo', barc10: everything.barc10 ?? [] }),
        resident({
          residentId: 'c',
          name: 'Cy',
          cravings: history(TODAY, 10, [
            [1, 0],
            [2, 0],
            [3, 0],
          ]),
        }),
        resident({
          residentId: 'p',
          name: 'Pat',
          positiveTests: [positiveTest(0), positiveTest(DAY_MS)],
        }),
        resident({
          residentId: 'x',
          name: 'Xan',
          yesterday: { daily: 'missed', curfew: 'missed' },
        }),
        resident({ residentId: 'o', name: 'Zed', out: out(1) }),
      ],
      TODAY,
      NOW,
    );
    expect(flags.map((f) => [f.kind, f.residentName])).toEqual([
      ['overdue_return', 'Zed'],
      ['missed_check_in', 'Xan'],
      ['positive_test', 'Pat'],
      ['craving_spike', 'Cy'],
      ['barc10_falling', 'Bo'],
      ['no_meetings', 'Mia'],
    ]);
  });

  test('the longest overdue comes first, whatever the names', () => {
    const flags = attentionFlags(
      [
        resident({ residentId: 'a', name: 'Ana', out: out(10) }),
        resident({ residentId: 'b', name: 'Ben', out: out(240, 'pass') }),
        resident({ residentId: 'c', name: 'Cal', out: out(61) }),
      ],
      TODAY,
      NOW,
    );
    expect(flags.map((f) => [f.residentName, f.weight])).toEqual([
      ['Ben', 240],
      ['Cal', 61],
      ['Ana', 10],
    ]);
  });

  test('within a kind the heavier flag comes first, then by name', () => {
    const flags = attentionFlags(
      [
        resident({ residentId: 'e', name: 'Eve', today: { daily: 'missed', curfew: 'due' } }),
        resident({
          residentId: 'z',
          name: 'Zoe',
          today: { daily: 'missed', curfew: 'missed' },
        }),
        resident({ residentId: 'a', name: 'Abe', yesterday: { daily: 'missed', curfew: 'done' } }),
        resident({ residentId: 'd', name: 'Dan', positiveTests: [positiveTest(DAY_MS)] }),
        resident({ residentId: 'b', name: 'Bea', positiveTests: [positiveTest(2 * DAY_MS)] }),
      ],
      TODAY,
      NOW,
    );
    expect(flags.map((f) => [f.kind, f.residentName])).toEqual([
      ['missed_check_in', 'Zoe'],
      ['missed_check_in', 'Abe'],
      ['missed_check_in', 'Eve'],
      ['positive_test', 'Bea'],
      ['positive_test', 'Dan'],
    ]);
  });

  test('the order does not depend on the order residents are given in', () => {
    const residents = [
      resident({ residentId: 'a', name: 'Ana', ...everything }),
      resident({
        residentId: 'b',
        name: 'Ben',
        out: out(90),
        meetings: { thisWeek: 0, required: 3, phaseName: null },
      }),
      resident({ residentId: 'c', name: 'Cal', today: { daily: 'missed', curfew: 'missed' } }),
      resident({ residentId: 'd', name: 'Dee', positiveTests: [positiveTest(0)] }),
    ];
    const forward = attentionFlags(residents, TODAY, NOW);
    expect(attentionFlags([...residents].reverse(), TODAY, NOW)).toEqual(forward);
    expect(forward.map((f) => [f.kind, f.residentName])).toEqual([
      ['overdue_return', 'Ben'],
      ['overdue_return', 'Ana'],
      ['missed_check_in', 'Cal'],
      ['missed_check_in', 'Ana'],
      ['positive_test', 'Ana'],
      ['positive_test', 'Dee'],
      ['craving_spike', 'Ana'],
      ['barc10_falling', 'Ana'],
      ['no_meetings', 'Ana'],
      ['no_meetings', 'Ben'],
      ['no_mentor_contact', 'Ana'],
      ['empty_pillar', 'Ana'],
    ]);
  });

  test('nobody needing attention gives an empty list', () => {
    expect(attentionFlags([], TODAY, NOW)).toEqual([]);
    expect(attentionFlags([resident()], TODAY, NOW)).toEqual([]);
  });
});

describe('why, in plain words', () => {
  test('every reason is a sentence with its numbers and no codes', () => {
    const whys = flagsFor({
      out: out(75, 'pass'),
      today: { daily: 'missed', curfew: 'done' },
      positiveTests: [positiveTest(4 * DAY_MS, { positiveFor: ['Fentanyl'] })],
      cravings: history(TODAY, 8, [
        [1, 2],
        [2, 3],
        [3, 4],
      ]),
      barc10: [
        { on: '2026-01-20', total: 48 },
        { on: '2026-02-20', total: 41 },
      ],
      meetings: { thisWeek: 0, required: 4, phaseName: 'Phase 2' },
    }).map((f) => f.why);
    expect(whys).toEqual([
      'Pass to the library: 1 h 15 min past the expected return, not back yet.',
      'Missed today’s daily check-in.',
      'Tested positive for Fentanyl 4 days ago.',
      'Craving 8 of 10 today, against their own 14-day average of 3.',
      'Recovery capital (BARC-10) fell from 48 to 41 of 60.',
      'No recovery meeting logged this week; Phase 2 asks for 4 a week.',
    ]);
  });

  test('any facts give reasons that read as sentences (property)', () => {
    const status = fc.constantFrom<RequirementStatus>(
      'not_required',
      'away',
      'done',
      'late',
      'unsigned',
      'due',
      'missed',
    );
    const day = fc.record({ daily: status, curfew: status });
    const facts = fc.record({
      out: fc.option(
        fc.record({
          kind: fc.constantFrom<'sign_out' | 'pass'>('sign_out', 'pass'),
          id: fc.constant('out-1'),
          destination: fc.constantFrom('work', 'the library', 'a meeting'),
          expectedReturnAt: fc.constant(NOW),
          overdueMinutes: fc.integer({ min: 0, max: 3000 }),
        }),
      ),
      today: day,
      yesterday: fc.option(day),
      cravings: fc.array(
        fc.record({
          date: fc.integer({ min: 0, max: 30 }).map((d) => addDays(TODAY, -d)),
          craving: fc.integer({ min: 0, max: 10 }),
          checkInId: fc.constant('check-in'),
        }),
        { maxLength: 20 },
      ),
      positiveTests: fc.array(
        fc.record({
          id: fc.constant('test'),
          collectedAt: fc
            .integer({ min: -5 * 60_000, max: 10 * DAY_MS })
            .map((age) => new Date(NOW.getTime() - age)),
          result: fc.constantFrom('positive', 'refused'),
          positiveFor: fc.array(fc.constantFrom('Cocaine', 'Opiates', 'Alcohol'), {
            maxLength: 2,
          }),
        }),
        { maxLength: 4 },
      ),
      barc10: fc.array(
        fc.record({
          on: fc.integer({ min: 0, max: 200 }).map((d) => addDays(TODAY, -d)),
          total: fc.integer({ min: 10, max: 60 }),
        }),
        { maxLength: 4 },
      ),
      meetings: fc.record({
        thisWeek: fc.integer({ min: 0, max: 7 }),
        required: fc.integer({ min: 0, max: 7 }),
        phaseName: fc.option(fc.constantFrom('Phase 1', 'Phase 2')),
      }),
    });
    fc.assert(
      fc.property(facts, (f) => {
        for (const flag of flagsFor(f)) {
          expect(flag.why).toMatch(/^[A-Z][^_]*\.$/);
          expect(flag.why).not.toMatch(/undefined|null|NaN|\s-\d|\[object/);
          expect(flag.weight).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('support circle signals', () => {
  const facts = (over: Partial<NonNullable<ResidentFacts['support']>>) =>
    flagsFor({
      support: {
        daysInHouse: 30,
        emptyPillars: [],
        daysSinceMentorContact: 1,
        hasMentor: true,
        ...over,
      },
    }).map((f) => [f.kind, f.why]);

  test('an empty pillar is flagged only after two weeks in the house', () => {
    expect(facts({ daysInHouse: 13, emptyPillars: ['community'] })).toEqual([]);
    expect(facts({ daysInHouse: 14, emptyPillars: ['community', 'professional'] })).toEqual([
      [
        'empty_pillar',
        'Nobody in their support circle for community and professionals, after 14 days in the house.',
      ],
    ]);
  });

  test('a sponsor or mentor not in touch for a week is flagged; one in touch six days ago is not', () => {
    expect(facts({ daysSinceMentorContact: 6 })).toEqual([]);
    expect(facts({ daysSinceMentorContact: 7 })).toEqual([
      ['no_mentor_contact', 'No contact with their sponsor or mentor logged in 7 days.'],
    ]);
    expect(facts({ daysSinceMentorContact: null })[0]?.[0]).toBe('no_mentor_contact');
    // no sponsor in the circle: that shows as the empty pillar, not as a lapse
    expect(facts({ hasMentor: false, daysSinceMentorContact: null })).toEqual([]);
  });
});
