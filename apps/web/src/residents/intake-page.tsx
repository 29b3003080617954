import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { admitInput, residentIntakeInput } from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import type { z } from 'zod';
import { Match, Show, Switch } from 'solid-js';
import { LoadError, NotFoundMessage, PageHeading } from '../components/page';
import { houseQueries, openBeds } from '../houses/data';
import { isNotFound } from '../lib/errors';
import {
  createForm,
  type Validation,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  text,
  TextField,
  validate,
} from '../lib/forms';
import type { HouseBoard, HouseDetails } from '../lib/trpc';
import { admitResident, intakeResident } from './data';
import { ProfileFields, readProfile } from './profile-fields';

export interface AdmitFailure {
  admitError?: string;
}

export default function IntakePage() {
  const params = useParams<{ houseId: string }>();
  const house = useQuery(() => houseQueries.get(params.houseId));
  const board = useQuery(() => houseQueries.board(params.houseId));
  return (
    <Switch>
      <Match
        when={
          (house.isError && isNotFound(house.error)) || (board.isError && isNotFound(board.error))
        }
      >
        <NotFoundMessage message="We couldn't find that house, or you don't have access." />
      </Match>
      <Match when={house.isError || board.isError}>
        <PageHeading title="New resident">New resident</PageHeading>
        <LoadError
          error={house.error ?? board.error}
          retry={() => {
            void house.refetch();
            void board.refetch();
          }}
        />
      </Match>
      <Match when={house.data && board.data ? { house: house.data, board: board.data } : undefined}>
        {(loaded) => <IntakeForm house={loaded().house} board={loaded().board} />}
      </Match>
    </Switch>
  );
}

type IntakeSubmission =
  | { kind: 'intake'; input: z.output<typeof residentIntakeInput> }
  | { kind: 'admit'; input: z.output<typeof admitInput> };

function IntakeForm(props: { house: HouseDetails; board: HouseBoard }) {
  const navigate = useNavigate();
  const [search] = useSearchParams<{ bedId?: string }>();
  const beds = () => openBeds(props.board);
  const chosenBed = () => {
    const wanted = search.bedId;
    return beds().some((bed) => bed.id === wanted) ? wanted : '';
  };

  const form = createForm<IntakeSubmission>({
    read: (data): Validation<IntakeSubmission> => {
      const bedId = text(data, 'bedId');
      if (!bedId) {
        const intake = validate(residentIntakeInput, {
          houseId: props.house.id,
          ...readProfile(data),
        });
        return intake.ok
          ? ({ ok: true, data: { kind: 'intake', input: intake.data } } as const)
          : intake;
      }
      // a new resident and their bed are saved together, or not at all
      const admission = validate(admitInput, {
        ...readProfile(data),
        bedId,
        startDate: text(data, 'startDate'),
      });
      return admission.ok
        ? { ok: true, data: { kind: 'admit', input: admission.data } }
        : admission;
    },
    submit: async (value) => {
      const { residentId } =
        value.kind === 'admit'
          ? await admitResident(value.input)
          : await intakeResident(value.input);
      navigate(`/residents/${residentId}`);
    },
  });

  return (
    <div class="stack">
      <p class="crumbs">
        <A href={`/houses/${props.house.id}`}>{props.house.name}</A>
      </p>
      <PageHeading title="New resident">New resident</PageHeading>
      <Form form={form} class="stack-lg">
        <ProfileFields />
        <fieldset class="stack">
          <legend>Bed</legend>
          <Show
            when={beds().length > 0}
            fallback={
              <p class="field-hint">
                No open beds in {props.house.name} right now. Save the resident and admit them when
                a bed opens.
              </p>
            }
          >
            <div class="field-row">
              <SelectField
                name="bedId"
                label="Bed"
                optional
                choices={[
                  { value: '', label: 'No bed yet' },
                  ...beds().map((bed) => ({ value: bed.id, label: bed.name })),
                ]}
                value={chosenBed()}
              />
              <TextField
                name="startDate"
                label="Move-in date"
                type="date"
                required={false}
                hint="The first night in the bed; needed when a bed is chosen."
                value={props.house.today}
              />
            </div>
          </Show>
        </fieldset>
        <FormAlert />
        <div class="actions">
          <SubmitButton busyLabel="Saving…">Save resident</SubmitButton>
          <A href={`/houses/${props.house.id}`} class="button button-quiet">
            Cancel
          </A>
        </div>
      </Form>
    </div>
  );
}
