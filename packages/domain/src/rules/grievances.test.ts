import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import {
  type GrievanceAction,
  type GrievanceActor,
  type GrievanceState,
  nextGrievanceState,
} from './grievances';

const filed: GrievanceState = { level: 'house_manager', status: 'open' };

describe('the grievance ladder', () => {
  test('house manager decides, the resident takes it to the operator, who decides, and the resident accepts', () => {
    let g = nextGrievanceState(filed, 'decide', 'house_staff');
    expect(g).toEqual({ level: 'house_manager', status: 'decided' });
    g = nextGrievanceState(g, 'escalate', 'resident');
    expect(g).toEqual({ level: 'operator', status: 'escalated' });
    g = nextGrievanceState(g, 'decide', 'operator');
    expect(g).toEqual({ level: 'operator', status: 'decided' });
    g = nextGrievanceState(g, 'accept', 'resident');
    expect(g).toEqual({ level: 'operator', status: 'closed' });
  });

  test('a grievance cannot skip the house manager', () => {
    expect(() => nextGrievanceState(filed, 'escalate', 'resident')).toThrow(/decides first/);
  });

  test('house staff who are not operators cannot decide at the operator step', () => {
    const escalated: GrievanceState = { level: 'operator', status: 'escalated' };
    expect(() => nextGrievanceState(escalated, 'decide', 'house_staff')).toThrow(/operator/);
  });

  test('the operator is the last step', () => {
    expect(() =>
      nextGrievanceState({ level: 'operator', status: 'decided' }, 'escalate', 'resident'),
    ).toThrow(/cannot go higher/);
  });

  test('staff cannot accept, escalate or withdraw on the resident’s behalf', () => {
    for (const action of ['escalate', 'accept', 'withdraw'] as const)
      expect(() =>
        nextGrievanceState({ level: 'house_manager', status: 'decided' }, action, 'operator'),
      ).toThrow(DomainError);
  });

  test('whatever happens, a grievance never reaches the operator undecided by the house, and a finished one stays finished (property)', () => {
    const step = fc.record({
      action: fc.constantFrom<GrievanceAction>('decide', 'escalate', 'accept', 'withdraw'),
      actor: fc.constantFrom<GrievanceActor>('resident', 'house_staff', 'operator'),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let g = filed;
        let houseDecided = false;
        for (const { action, actor } of steps) {
          const finishedBefore = g.status === 'closed' || g.status === 'withdrawn';
          let next: GrievanceState;
          try {
            next = nextGrievanceState(g, action, actor);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            continue;
          }
          expect(finishedBefore).toBe(false);
          if (g.level === 'house_manager' && next.status === 'decided') houseDecided = true;
          if (next.level === 'operator') expect(houseDecided).toBe(true);
          g = next;
        }
      }),
    );
  });
});
