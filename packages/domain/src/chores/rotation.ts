// The chore rotation: who does which chore on which day of a rota period. Pure
// and deterministic: the same house, roster and history give the same rota.
//
// Fairness is kept as a balance per resident: the effort they were given minus
// their fair share of the effort due on the days they were in the house. A new
// resident starts level; days away on a pass or before moving in owe nothing.
// Each occurrence (heaviest first within a day) goes to the resident with the
// lowest balance among those who can take it, preferring someone who did not
// have that chore last period as long as that keeps every balance within one
// heaviest chore of the lowest. Pinned assignments and exclusions are honoured.
// Every assignment says why it went to that resident.
import { addDays, type LocalDate } from '../dates';
import { type ChoreSchedule, choreDates } from './chores';

export interface RotaChore extends ChoreSchedule {
  id: string;
  effort: number;
  residentsNeeded: number;
}

export interface RotaResident {
  id: string;
  /** The first day they can be given chores: the first full day after moving in. */
  from: LocalDate | null;
  /** The last day they can be given chores: the day before they move out. */
  until: LocalDate | null;
  /** Days they are away on an approved pass. */
  away: readonly LocalDate[];
}

export interface RotaInput {
  start: LocalDate;
  days: number;
  chores: readonly RotaChore[];
  residents: readonly RotaResident[];
  /** Each resident's balance from earlier periods (effort given minus fair share). */
  balances: Readonly<Record<string, number>>;
  /** Who had which chore in the period before this one. */
  lastPeriod: ReadonlyArray<{ residentId: string; choreId: string }>;
  /** Residents excused from a chore. */
  exclusions: ReadonlyArray<{ residentId: string; choreId: string }>;
  /**
   * A manager's pins: the chore goes to this resident (on `date`, or on every
   * day of the period without one) whenever they are in the house that day.
   */
  pins: ReadonlyArray<{ choreId: string; residentId: string; date?: LocalDate | undefined }>;
  /**
   * Assignments already made that stand as they are (when a rota is planned
   * again after someone moves out); they count towards balances.
   */
  fixed?: ReadonlyArray<{ choreId: string; date: LocalDate; slot: number; residentId: string }>;
}

export type RotaReason =
  | { code: 'pinned' }
  | { code: 'by_hand' }
  | { code: 'left'; residentId: string }
  | { code: 'kept' }
  | { code: 'only_one' }
  | { code: 'lowest_balance'; balance: number; next: number | null }
  | { code: 'not_last_time'; skipped: number }
  | { code: 'tie'; tiedWith: number }
  | { code: 'pinned_away'; residentId: string }
  | { code: 'nobody' };

export interface PlannedSlot {
  choreId: string;
  date: LocalDate;
  /** 0 for the first resident a chore needs, 1 for the second, … */
  slot: number;
  effort: number;
  residentId: string | null;
  pinned: boolean;
  reasons: RotaReason[];
}

export interface ResidentLoad {
  residentId: string;
  /** Balance carried in from earlier periods. */
  before: number;
  /** Effort given in this period. */
  assigned: number;
  /** Their fair share of this period's effort, for the days they are in the house. */
  share: number;
  /** before + assigned − share */
  after: number;
}

export interface RotaPlan {
  slots: PlannedSlot[];
  loads: ResidentLoad[];
}

/** Within this, two balances are the same (shares are fractions). */
const EPSILON = 1e-9;

/** A stable order for residents that depends on the period, so ties do not always fall the same way. */
function tieOrder(start: LocalDate, residentId: string): number {
  // FNV-1a over the period and the id: deterministic, spread, and no one's name decides
  let hash = 0x811c9dc5;
  for (const ch of `${start}|${residentId}`) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function isAvailable(resident: RotaResident, date: LocalDate): boolean {
  if (resident.from !== null && date < resident.from) return false;
  if (resident.until !== null && date > resident.until) return false;
  return !resident.away.includes(date);
}

interface Occurrence {
  choreId: string;
  date: LocalDate;
  slot: number;
  effort: number;
}

/** Every occurrence of the period: by day, heaviest first, then by chore and slot. */
export function periodOccurrences(
  chores: readonly RotaChore[],
  start: LocalDate,
  days: number,
): Occurrence[] {
  const list: Occurrence[] = [];
  for (const chore of chores)
    for (const date of choreDates(chore, start, days))
      for (let slot = 0; slot < chore.residentsNeeded; slot += 1)
        list.push({ choreId: chore.id, date, slot, effort: chore.effort });
  return list.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      b.effort - a.effort ||
      a.choreId.localeCompare(b.choreId) ||
      a.slot - b.slot,
  );
}

/**
 * Each resident's fair share of the period's effort: every occurrence's effort
 * split evenly among the residents in the house that day.
 */
export function fairShares(
  occurrences: readonly Occurrence[],
  residents: readonly RotaResident[],
): Map<string, number> {
  const shares = new Map(residents.map((r) => [r.id, 0]));
  const byDate = new Map<LocalDate, number>();
  for (const o of occurrences) byDate.set(o.date, (byDate.get(o.date) ?? 0) + o.effort);
  for (const [date, effort] of byDate) {
    const present = residents.filter((r) => isAvailable(r, date));
    for (const r of present) shares.set(r.id, (shares.get(r.id) ?? 0) + effort / present.length);
  }
  return shares;
}

export function planRota(input: RotaInput): RotaPlan {
  const occurrences = periodOccurrences(input.chores, input.start, input.days);
  const heaviest = Math.max(0, ...input.chores.map((c) => c.effort));
  const shares = fairShares(occurrences, input.residents);
  const byId = new Map(input.residents.map((r) => [r.id, r]));
  const excused = new Set(input.exclusions.map((e) => `${e.residentId}|${e.choreId}`));
  const hadLast = new Set(input.lastPeriod.map((l) => `${l.residentId}|${l.choreId}`));
  const assigned = new Map(input.residents.map((r) => [r.id, 0]));
  const perDay = new Map<string, number>();
  const taken = new Set<string>(); // resident|chore|date: one slot of a chore a day each
  const balance = (residentId: string) =>
    (input.balances[residentId] ?? 0) +
    (assigned.get(residentId) ?? 0) -
    (shares.get(residentId) ?? 0);

  const slots: PlannedSlot[] = occurrences.map((o) => ({
    ...o,
    residentId: null,
    pinned: false,
    reasons: [],
  }));
  const give = (slot: PlannedSlot, residentId: string) => {
    slot.residentId = residentId;
    assigned.set(residentId, (assigned.get(residentId) ?? 0) + slot.effort);
    perDay.set(`${residentId}|${slot.date}`, (perDay.get(`${residentId}|${slot.date}`) ?? 0) + 1);
    taken.add(`${residentId}|${slot.choreId}|${slot.date}`);
  };
  const canTake = (residentId: string, slot: PlannedSlot) => {
    const resident = byId.get(residentId);
    return (
      resident !== undefined &&
      isAvailable(resident, slot.date) &&
      !excused.has(`${residentId}|${slot.choreId}`) &&
      !taken.has(`${residentId}|${slot.choreId}|${slot.date}`)
    );
  };
  const slotKey = (s: { choreId: string; date: LocalDate; slot: number }) =>
    `${s.choreId}|${s.date}|${s.slot}`;

  // assignments that stand come first, then the manager's pins
  const fixed = new Map((input.fixed ?? []).map((f) => [slotKey(f), f.residentId]));
  for (const slot of slots) {
    const residentId = fixed.get(slotKey(slot));
    if (residentId === undefined || !byId.has(residentId)) continue;
    give(slot, residentId);
    slot.reasons.push({ code: 'kept' });
  }
  for (const slot of slots) {
    if (slot.residentId !== null) continue;
    const pins = input.pins.filter(
      (p) => p.choreId === slot.choreId && (p.date === undefined || p.date === slot.date),
    );
    const pinned = pins.find((p) => canTake(p.residentId, slot));
    if (pinned) {
      give(slot, pinned.residentId);
      slot.pinned = true;
      slot.reasons.push({ code: 'pinned' });
    } else {
      for (const p of pins)
        if (byId.has(p.residentId))
          slot.reasons.push({ code: 'pinned_away', residentId: p.residentId });
    }
  }

  for (const slot of slots) {
    if (slot.residentId !== null) continue;
    const candidates = input.residents.map((r) => r.id).filter((rid) => canTake(rid, slot));
    if (candidates.length === 0) {
      slot.reasons.push({ code: 'nobody' });
      continue;
    }
    // someone new to the chore, unless that would leave them a heaviest chore above the lowest
    const lowest = Math.min(...candidates.map(balance));
    const fresh = candidates.filter(
      (rid) =>
        !hadLast.has(`${rid}|${slot.choreId}`) &&
        balance(rid) + slot.effort <= lowest + heaviest + EPSILON,
    );
    const pool = fresh.length > 0 ? fresh : candidates;
    const ranked = [...pool].sort(
      (a, b) =>
        balance(a) - balance(b) ||
        (perDay.get(`${a}|${slot.date}`) ?? 0) - (perDay.get(`${b}|${slot.date}`) ?? 0) ||
        tieOrder(input.start, a) - tieOrder(input.start, b),
    );
    const chosen = ranked[0];
    if (chosen === undefined) continue;
    const chosenBalance = balance(chosen);
    if (candidates.length === 1) slot.reasons.push({ code: 'only_one' });
    else {
      if (fresh.length > 0 && fresh.length < candidates.length)
        slot.reasons.push({ code: 'not_last_time', skipped: candidates.length - fresh.length });
      const others = ranked.slice(1).map(balance);
      const next = others.length > 0 ? Math.min(...others) : null;
      slot.reasons.push({ code: 'lowest_balance', balance: chosenBalance, next });
      const tied = others.filter((b) => Math.abs(b - chosenBalance) < EPSILON).length;
      if (tied > 0) slot.reasons.push({ code: 'tie', tiedWith: tied });
    }
    give(slot, chosen);
  }

  const loads = input.residents.map((r) => {
    const before = input.balances[r.id] ?? 0;
    const given = assigned.get(r.id) ?? 0;
    const share = shares.get(r.id) ?? 0;
    return { residentId: r.id, before, assigned: given, share, after: before + given - share };
  });
  return { slots, loads };
}

/**
 * The period after one that started on `start` and ran `days` days: it starts
 * the next day.
 */
export function nextPeriodStart(start: LocalDate, days: number): LocalDate {
  return addDays(start, days);
}

/** Balances carried out of a period, to carry into the next. */
export function balancesAfter(plan: RotaPlan): Record<string, number> {
  return Object.fromEntries(plan.loads.map((l) => [l.residentId, l.after]));
}

/** A balance in words: effort still owed against the fair share, or done ahead of it. */
function owed(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  const abs = Math.abs(rounded);
  const unit = abs === 1 ? 'point' : 'points';
  if (rounded === 0) return 'level';
  return rounded < 0 ? `${abs} ${unit} to do` : `${abs} ${unit} ahead`;
}

/**
 * Why a resident was given an occurrence, in words a manager reads beside it.
 * `nameOf` turns a resident id into a name.
 */
export function reasonText(reason: RotaReason, nameOf: (residentId: string) => string): string {
  switch (reason.code) {
    case 'pinned':
      return 'Pinned to them by a manager.';
    case 'kept':
      return 'Kept as it was when the rota was planned again.';
    case 'by_hand':
      return 'Chosen by a manager.';
    case 'left':
      return `Handed on when ${nameOf(reason.residentId)} moved out.`;
    case 'only_one':
      return 'The only resident in the house that day who could take it.';
    case 'lowest_balance':
      return reason.next === null
        ? `Had the most of their fair share still to do (${owed(reason.balance)}).`
        : `Had the most of their fair share still to do (${owed(reason.balance)}; next: ${owed(reason.next)}).`;
    case 'not_last_time':
      return reason.skipped === 1
        ? 'Did not have this chore last period; the one who did was passed over.'
        : `Did not have this chore last period; ${reason.skipped} who did were passed over.`;
    case 'tie':
      return reason.tiedWith === 1
        ? 'Tied with one other resident; the rota’s fixed order for this period decided.'
        : `Tied with ${reason.tiedWith} others; the rota’s fixed order for this period decided.`;
    case 'pinned_away':
      return `Pinned to ${nameOf(reason.residentId)}, who is away or unavailable that day.`;
    case 'nobody':
      return 'Nobody in the house that day could take it: everyone is away, excused or already on it.';
  }
}
