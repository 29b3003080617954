// What staff do with a resident: admit, transfer, move out, correct the profile,
// and invite them to use the app themselves.
import {
  DISCHARGE_REASON_LABELS,
  DISCHARGE_REASONS,
  admitInput,
  inviteCreateInput,
  moveOutInput,
  planMoveOutInput,
  residentUpdateInput,
  transferInput,
} from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { InviteCode } from '../components/invite-code';
import { LoadError, Loading } from '../components/page';
import { houseQueries, openBeds } from '../houses/data';
import { browserToday, formatDate, formatInstant } from '../lib/dates';
import {
  createForm,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  text,
  TextAreaField,
  TextField,
  validate,
} from '../lib/forms';
import type { ResidentRecord } from '../lib/trpc';
import { createInvite } from '../invites/data';
import {
  admitResident,
  moveOutResident,
  planMoveOut,
  transferResident,
  updateResident,
} from './data';
import { ProfileFields, readProfile } from './profile-fields';

interface ActionProps {
  record: ResidentRecord;
  /** Called after a change, with a sentence saying what changed. */
  onDone: (message: string) => void;
}

const today = (record: ResidentRecord) => record.today ?? browserToday();

export function ResidentActions(props: ActionProps) {
  return (
    <section class="stack" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <div class="action-list">
        <Show when={!props.record.currentStay && props.record.house}>
          {(house) => (
            <Disclosure label="Admit">
              {(close) => (
                <AdmitForm
                  record={props.record}
                  houseId={house().id}
                  onDone={(message) => {
                    close();
                    props.onDone(message);
                  }}
                />
              )}
            </Disclosure>
          )}
        </Show>
        <Show when={props.record.currentStay}>
          {(stay) => (
            <>
              <Disclosure label="Transfer">
                {(close) => (
                  <TransferForm
                    record={props.record}
                    initialHouseId={stay().houseId}
                    onDone={(message) => {
                      close();
                      props.onDone(message);
                    }}
                  />
                )}
              </Disclosure>
              <Disclosure label="Planned move-out">
                {(close) => (
                  <PlanMoveOutForm
                    record={props.record}
                    current={stay().expectedEndDate}
                    onDone={(message) => {
                      close();
                      props.onDone(message);
                    }}
                  />
                )}
              </Disclosure>
              <Disclosure label="Move out">
                {(close) => (
                  <MoveOutForm
                    record={props.record}
                    onDone={(message) => {
                      close();
                      props.onDone(message);
                    }}
                  />
                )}
              </Disclosure>
            </>
          )}
        </Show>
        <Disclosure label="Edit profile">
          {(close) => (
            <EditProfileForm
              record={props.record}
              onDone={(message) => {
                close();
                props.onDone(message);
              }}
            />
          )}
        </Disclosure>
        <Show when={!props.record.account.hasLogin}>
          <Disclosure label="Invite to the app">
            {() => <InviteResidentForm record={props.record} />}
          </Disclosure>
        </Show>
      </div>
    </section>
  );
}

/** A select of the open beds of one house, with the states of loading them. */
function OpenBedSelect(props: { houseId: string; houseName?: string | undefined }) {
  const board = useQuery(() => houseQueries.board(props.houseId));
  return (
    <Switch fallback={<Loading label="Loading beds…" />}>
      <Match when={board.isError && !board.data}>
        <LoadError error={board.error} retry={() => void board.refetch()} />
      </Match>
      <Match when={board.data}>
        {(b) => (
          <Show
            when={openBeds(b()).length > 0}
            fallback={
              <p class="alert alert-info">
                No open beds in {props.houseName ?? b().house.name}. Add a bed or move someone out
                first.
              </p>
            }
          >
            <SelectField
              name="bedId"
              label="Bed"
              choices={[
                { value: '', label: 'Choose a bed' },
                ...openBeds(b()).map((bed) => ({ value: bed.id, label: bed.name })),
              ]}
            />
          </Show>
        )}
      </Match>
    </Switch>
  );
}

function AdmitForm(props: ActionProps & { houseId: string }) {
  const form = createForm({
    read: (data) =>
      validate(admitInput, {
        residentId: props.record.id,
        bedId: text(data, 'bedId'),
        startDate: text(data, 'startDate'),
      }),
    submit: async (value) => {
      const done = await admitResident(value);
      props.onDone(`Admitted on ${formatDate(done.startDate)}.`);
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Admit">
      <OpenBedSelect houseId={props.houseId} houseName={props.record.house?.name} />
      <TextField name="startDate" label="Move-in date" type="date" value={today(props.record)} />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save admission</SubmitButton>
    </Form>
  );
}

function TransferForm(props: ActionProps & { initialHouseId: string }) {
  const houses = useQuery(houseQueries.all);
  const [houseId, setHouseId] = createSignal(props.initialHouseId);
  const form = createForm({
    read: (data) =>
      validate(transferInput, {
        residentId: props.record.id,
        bedId: text(data, 'bedId'),
        date: text(data, 'date'),
      }),
    submit: async (value) => {
      const done = await transferResident(value);
      props.onDone(`Transferred on ${formatDate(done.date)}.`);
    },
  });
  const houseChoices = () =>
    (houses.data?.items ?? [])
      .filter((house) => house.occupancy !== null)
      .map((house) => ({ value: house.id, label: house.name }));
  return (
    <Form form={form} class="card stack" aria-label="Transfer">
      <Show when={houses.data}>
        <SelectField
          name="houseId"
          label="House"
          choices={houseChoices()}
          value={houseId()}
          onChange={(e) => setHouseId(e.currentTarget.value)}
        />
      </Show>
      <OpenBedSelect houseId={houseId()} />
      <TextField name="date" label="Transfer date" type="date" value={today(props.record)} />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save transfer</SubmitButton>
    </Form>
  );
}

const REASON_CHOICES = [
  { value: '', label: 'Choose a reason' },
  ...DISCHARGE_REASONS.map((reason) => ({ value: reason, label: DISCHARGE_REASON_LABELS[reason] })),
];

function MoveOutForm(props: ActionProps) {
  const [reason, setReason] = createSignal('');
  const form = createForm({
    read: (data) =>
      validate(moveOutInput, {
        residentId: props.record.id,
        date: text(data, 'date'),
        reason: text(data, 'reason'),
        note: text(data, 'note'),
      }),
    submit: async (value) => {
      const done = await moveOutResident(value);
      props.onDone(`Moved out on ${formatDate(done.date)}.`);
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Move out">
      <TextField name="date" label="Move-out date" type="date" value={today(props.record)} />
      <SelectField
        name="reason"
        label="Reason"
        choices={REASON_CHOICES}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <TextAreaField
        name="note"
        label="Note"
        optional={reason() !== 'other'}
        hint={
          reason() === 'other'
            ? 'Required when the reason is “Other”.'
            : 'Anything the next person reading this record should know.'
        }
      />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save move-out</SubmitButton>
    </Form>
  );
}

function PlanMoveOutForm(props: ActionProps & { current: string | null }) {
  const form = createForm({
    read: (data) =>
      validate(planMoveOutInput, {
        residentId: props.record.id,
        // an empty date clears the plan
        expectedEndDate: text(data, 'expectedEndDate') || null,
        note: text(data, 'note'),
      }),
    submit: async (value) => {
      const done = await planMoveOut(value);
      props.onDone(
        done.expectedEndDate
          ? `Planned move-out set for ${formatDate(done.expectedEndDate)}.`
          : 'Planned move-out cleared.',
      );
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Planned move-out">
      <TextField
        name="expectedEndDate"
        label="Planned move-out date"
        type="date"
        optional
        value={props.current ?? ''}
        hint="The end of the program, a lease or a court order. Leave it empty to clear it. The operator's overview counts the beds about to open."
      />
      <TextField name="note" label="Why" optional />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save planned move-out</SubmitButton>
    </Form>
  );
}

function EditProfileForm(props: ActionProps) {
  const form = createForm({
    read: (data) =>
      validate(residentUpdateInput, {
        residentId: props.record.id,
        ...readProfile(data),
        reason: text(data, 'reason'),
      }),
    submit: async (value) => {
      const result = await updateResident(value);
      props.onDone(result.changed.length === 0 ? 'Nothing changed.' : 'Profile saved.');
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Edit profile">
      <ProfileFields values={props.record} />
      <TextField
        name="reason"
        label="Reason for the change"
        optional
        hint="Kept with the record's history, next to the old values."
      />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save profile</SubmitButton>
    </Form>
  );
}

function InviteResidentForm(props: { record: ResidentRecord }) {
  const [created, setCreated] = createSignal<{ token: string; path: string; name: string } | null>(
    null,
  );
  const form = createForm({
    read: (data) =>
      validate(inviteCreateInput, {
        organisationId: props.record.organisationId,
        role: 'resident',
        name: text(data, 'name'),
        email: text(data, 'email'),
        houseIds: [],
        residentId: props.record.id,
      }),
    submit: async (value) => {
      const invite = await createInvite(value);
      setCreated({ token: invite.token, path: invite.path, name: value.name });
    },
  });
  return (
    <Show
      when={created()}
      fallback={
        <Form form={form} class="card stack" aria-label="Invite to the app">
          <p>
            The invite lets {props.record.name} sign in to see their own record. It lasts 7 days.
          </p>
          <Show when={props.record.account.pendingInviteExpiresAt}>
            {(expires) => (
              <p class="alert alert-info">
                An earlier invite is still open until {formatInstant(expires())}. A new invite works
                too.
              </p>
            )}
          </Show>
          <TextField
            name="name"
            label="Name"
            autocomplete="off"
            value={`${props.record.firstName} ${props.record.lastName}`}
          />
          <TextField
            name="email"
            label="Email"
            type="email"
            autocomplete="off"
            value={props.record.email ?? ''}
          />
          <FormAlert />
          <SubmitButton busyLabel="Creating…">Create invite</SubmitButton>
        </Form>
      }
    >
      {(invite) => <InviteCode token={invite().token} path={invite().path} name={invite().name} />}
    </Show>
  );
}
