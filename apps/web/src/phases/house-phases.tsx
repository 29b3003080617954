// A house's phases for its staff: each with its curfews, passes and
// requirements in plain words; add one, or change one.
import { phaseCreateInput } from '@porchlight/domain';
import { PASS_TYPE_LABELS, PASS_TYPES } from '@porchlight/domain/labels';
import { useQuery } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading } from '../components/page';
import {
  CheckboxGroup,
  createForm,
  Form,
  FormAlert,
  SubmitButton,
  text,
  TextField,
  validate,
} from '../lib/forms';
import { createPhase, type PhaseItem, phaseQueries, updatePhase } from './data';

export function phaseSummary(p: Omit<PhaseItem, 'id' | 'position' | 'name'>): string[] {
  const types = p.passTypesAllowed.map((t) => PASS_TYPE_LABELS[t]?.toLowerCase() ?? t);
  return [
    `Curfew ${p.curfewWeeknights} Sunday to Thursday nights, ${p.curfewWeekends} Friday and Saturday nights.`,
    types.length === 0 ? 'No passes.' : `Passes: ${types.join(', ')}.`,
    p.overnightPassesAllowed ? 'Overnight passes allowed.' : 'No overnight passes.',
    p.minDaysBeforePasses > 0 ? `Passes from day ${p.minDaysBeforePasses} in the house.` : '',
    p.dailyCheckIn ? 'Daily check-in.' : '',
    p.curfewCheckIn ? 'Curfew check-in.' : '',
    p.meetingsPerWeek > 0 ? `${p.meetingsPerWeek} recovery meetings a week.` : '',
  ].filter(Boolean);
}

export function HousePhases(props: { houseId: string }) {
  const phases = useQuery(() => phaseQueries.list(props.houseId));
  return (
    <section class="stack" aria-labelledby="phases-heading">
      <h2 id="phases-heading">Phases</h2>
      <Switch fallback={<Loading />}>
        <Match when={phases.isError && !phases.data}>
          <LoadError error={phases.error} retry={() => void phases.refetch()} />
        </Match>
        <Match when={phases.data}>
          {(list) => (
            <>
              <Show when={list().length === 0}>
                <p class="empty">
                  No phases yet. Phases set each resident's curfew, passes and requirements.
                </p>
              </Show>
              <ol class="plain-list stack">
                <For each={list()}>
                  {(p) => (
                    <li class="card stack">
                      <h3>{p.name}</h3>
                      <ul>
                        <For each={phaseSummary(p)}>{(line) => <li>{line}</li>}</For>
                      </ul>
                      <Disclosure label={`Change ${p.name}`}>
                        {(close) => <PhaseForm houseId={props.houseId} phase={p} onDone={close} />}
                      </Disclosure>
                    </li>
                  )}
                </For>
              </ol>
              <Disclosure label="Add a phase">
                {(close) => <PhaseForm houseId={props.houseId} onDone={close} />}
              </Disclosure>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function PhaseForm(props: { houseId: string; phase?: PhaseItem; onDone: () => void }) {
  const form = createForm({
    read: (data) =>
      validate(phaseCreateInput, {
        houseId: props.houseId,
        name: text(data, 'name'),
        curfewWeeknights: text(data, 'curfewWeeknights'),
        curfewWeekends: text(data, 'curfewWeekends'),
        overnightPassesAllowed: data.getAll('rules').includes('overnight-ok'),
        dailyCheckIn: data.getAll('rules').includes('daily-check-in'),
        curfewCheckIn: data.getAll('rules').includes('curfew-check-in'),
        passTypesAllowed: data.getAll('passTypesAllowed').map(String),
        minDaysBeforePasses: Number(text(data, 'minDaysBeforePasses') || '0'),
        meetingsPerWeek: Number(text(data, 'meetingsPerWeek') || '0'),
      }),
    submit: async (value) => {
      const phase = props.phase;
      if (phase) await updatePhase({ ...value, phaseId: phase.id });
      else await createPhase(value);
      props.onDone();
    },
  });
  return (
    <Form
      form={form}
      class="card stack"
      aria-label={props.phase ? `Change ${props.phase.name}` : 'Add a phase'}
    >
      <TextField name="name" label="Name" value={props.phase?.name ?? ''} />
      <div class="field-row">
        <TextField
          name="curfewWeeknights"
          label="Curfew, Sunday to Thursday nights"
          type="time"
          value={props.phase?.curfewWeeknights ?? '22:00'}
        />
        <TextField
          name="curfewWeekends"
          label="Curfew, Friday and Saturday nights"
          type="time"
          value={props.phase?.curfewWeekends ?? '23:00'}
        />
      </div>
      <p class="field-hint">
        A curfew before noon means after midnight (00:30 is half past midnight).
      </p>
      <CheckboxGroup
        name="passTypesAllowed"
        legend="Passes allowed"
        choices={PASS_TYPES.map((t) => ({ value: t, label: PASS_TYPE_LABELS[t] ?? t }))}
        values={props.phase?.passTypesAllowed ?? ['work', 'job_search', 'family']}
      />
      <CheckboxGroup
        name="rules"
        legend="Other rules"
        choices={[
          { value: 'overnight-ok', label: 'Nights away allowed (overnight passes)' },
          { value: 'daily-check-in', label: 'Daily check-in required' },
          { value: 'curfew-check-in', label: 'Curfew check-in required (“I’m home”)' },
        ]}
        values={[
          ...((props.phase?.overnightPassesAllowed ?? false) ? ['overnight-ok'] : []),
          ...((props.phase?.dailyCheckIn ?? true) ? ['daily-check-in'] : []),
          ...((props.phase?.curfewCheckIn ?? true) ? ['curfew-check-in'] : []),
        ]}
      />
      <div class="field-row">
        <TextField
          name="minDaysBeforePasses"
          label="Passes from day"
          type="number"
          inputmode="numeric"
          min="0"
          value={String(props.phase?.minDaysBeforePasses ?? 0)}
        />
        <TextField
          name="meetingsPerWeek"
          label="Recovery meetings a week"
          type="number"
          inputmode="numeric"
          min="0"
          value={String(props.phase?.meetingsPerWeek ?? 0)}
        />
      </div>
      <FormAlert />
      <SubmitButton busyLabel="Saving…">
        {props.phase ? 'Save changes' : 'Add the phase'}
      </SubmitButton>
    </Form>
  );
}
