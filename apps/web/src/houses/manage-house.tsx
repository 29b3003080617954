// Changing a house: its rooms and beds (house staff), and its details (operators).
import { bedCreateInput, houseUpdateInput, roomCreateInput } from '@porchlight/domain';
import { createSignal, Show } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import {
  createForm,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  text,
  TextField,
  validate,
} from '../lib/forms';
import type { HouseBoard, HouseDetails } from '../lib/trpc';
import { addBed, addRoom, updateHouse } from './data';
import { HouseFields, readHouseFields } from './house-fields';

export function RoomsAndBeds(props: { board: HouseBoard; houseId: string }) {
  return (
    <Disclosure label="Rooms and beds">
      {() => (
        <div class="stack">
          <AddRoomForm houseId={props.houseId} />
          <Show when={props.board.rooms.length > 0}>
            <AddBedForm board={props.board} houseId={props.houseId} />
          </Show>
        </div>
      )}
    </Disclosure>
  );
}

function AddRoomForm(props: { houseId: string }) {
  const [saved, setSaved] = createSignal<string | null>(null);
  const form = createForm({
    read: (data) => validate(roomCreateInput, { houseId: props.houseId, name: text(data, 'name') }),
    submit: async (value, element) => {
      setSaved(null);
      await addRoom(value);
      element.reset();
      setSaved(`Room “${value.name}” added.`);
    },
  });
  return (
    <Form form={form} class="card stack" aria-labelledby="add-room-heading">
      <h3 id="add-room-heading">Add a room</h3>
      <TextField name="name" label="Room name" autocomplete="off" />
      <FormAlert />
      <SubmitButton busyLabel="Adding…">Add room</SubmitButton>
      <p role="status" class="status-note">
        {saved()}
      </p>
    </Form>
  );
}

function AddBedForm(props: { board: HouseBoard; houseId: string }) {
  const [saved, setSaved] = createSignal<string | null>(null);
  const form = createForm({
    read: (data) =>
      validate(bedCreateInput, {
        houseId: props.houseId,
        roomId: text(data, 'roomId'),
        label: text(data, 'label'),
      }),
    submit: async (value, element) => {
      setSaved(null);
      await addBed(value);
      const label = element.elements.namedItem('label');
      if (label instanceof HTMLInputElement) label.value = '';
      setSaved(`Bed ${value.label} added.`);
    },
  });
  return (
    <Form form={form} class="card stack" aria-labelledby="add-bed-heading">
      <h3 id="add-bed-heading">Add a bed</h3>
      <SelectField
        name="roomId"
        label="Room"
        choices={props.board.rooms.map((room) => ({ value: room.id, label: room.name }))}
      />
      <TextField
        name="label"
        label="Bed label"
        hint="For example 1A or North 2."
        autocomplete="off"
      />
      <FormAlert />
      <SubmitButton busyLabel="Adding…">Add bed</SubmitButton>
      <p role="status" class="status-note">
        {saved()}
      </p>
    </Form>
  );
}

export function EditHouse(props: { house: HouseDetails }) {
  return (
    <Disclosure label="Edit house">
      {(close) => {
        const form = createForm({
          read: (data) =>
            validate(houseUpdateInput, { houseId: props.house.id, ...readHouseFields(data) }),
          submit: async (value) => {
            await updateHouse(value);
            close();
          },
        });
        return (
          <Form form={form} class="card stack" aria-label="Edit house">
            <HouseFields values={props.house} />
            <FormAlert />
            <SubmitButton busyLabel="Saving…">Save house</SubmitButton>
          </Form>
        );
      }}
    </Disclosure>
  );
}
