// The grievance ladder: a resident's grievance goes first to the house manager,
// then, if the resident is not satisfied with the decision, to the operator.
// Every step is kept; these rules say which step may follow which, and who may take it.
import * as z from 'zod';
import { conflict, forbidden } from '../errors';
import { id, requiredText } from '../schemas';
import { GRIEVANCE_DECISIONS } from './rule-labels';

export const grievanceFileInput = z.strictObject({
  subject: requiredText(160),
  body: requiredText(4000),
  violationId: id.optional(),
});
export const grievanceDecideInput = z.strictObject({
  grievanceId: id,
  decision: z.enum(GRIEVANCE_DECISIONS, { error: 'must be one of the listed decisions.' }),
  reason: requiredText(2000),
});
export const grievanceIdInput = z.strictObject({ grievanceId: id });
export const grievanceEscalateInput = z.strictObject({
  grievanceId: id,
  reason: requiredText(2000),
});

export type GrievanceLevel = 'house_manager' | 'operator';
export type GrievanceStatus = 'open' | 'decided' | 'escalated' | 'closed' | 'withdrawn';
export type GrievanceAction = 'decide' | 'escalate' | 'accept' | 'withdraw';
export type GrievanceActor = 'resident' | 'house_staff' | 'operator';

export interface GrievanceState {
  level: GrievanceLevel;
  status: GrievanceStatus;
}

/** Whether the grievance waits on staff at its level (not on the resident). */
export function awaitsDecision(g: GrievanceState): boolean {
  return g.status === 'open' || g.status === 'escalated';
}

export function isFinished(g: GrievanceState): boolean {
  return g.status === 'closed' || g.status === 'withdrawn';
}

/**
 * The state after `action` by `actor`, or an error saying why not. `actor` is
 * the strongest role the caller holds over the grievance's house: an operator
 * may also decide at the house-manager step (a house with no manager).
 */
export function nextGrievanceState(
  g: GrievanceState,
  action: GrievanceAction,
  actor: GrievanceActor,
): GrievanceState {
  if (isFinished(g)) throw conflict(`This grievance is ${g.status}: nothing more can be done.`);
  switch (action) {
    case 'decide': {
      if (actor === 'resident') throw forbidden('Staff decide grievances.');
      if (!awaitsDecision(g))
        throw conflict('This grievance has already been decided at this step.');
      if (g.level === 'operator' && actor !== 'operator')
        throw forbidden('This grievance has gone up to the operator, who decides it now.');
      return { level: g.level, status: 'decided' };
    }
    case 'escalate': {
      if (actor !== 'resident')
        throw forbidden('Only the resident who filed it can take it further.');
      if (g.level === 'operator')
        throw conflict('The operator is the last step: this grievance cannot go higher.');
      if (g.status !== 'decided')
        throw conflict('The house manager decides first; you can take it further after that.');
      return { level: 'operator', status: 'escalated' };
    }
    case 'accept': {
      if (actor !== 'resident')
        throw forbidden('Only the resident who filed it can accept a decision.');
      if (g.status !== 'decided') throw conflict('There is no decision to accept yet.');
      return { level: g.level, status: 'closed' };
    }
    case 'withdraw': {
      if (actor !== 'resident') throw forbidden('Only the resident who filed it can withdraw it.');
      return { level: g.level, status: 'withdrawn' };
    }
  }
}
