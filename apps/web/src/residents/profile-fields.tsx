// The fields of a resident's profile and emergency contacts, for intake and for
// editing; field names are the API's input paths so its messages land beside them.
import { createSignal, For, Show } from 'solid-js';
import { text, TextField } from '../lib/forms';

export interface ContactValues {
  name: string;
  relationship: string;
  phone: string;
}

export interface ProfileValues {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  phone: string | null;
  email: string | null;
  dateOfBirth: string | null;
  sobrietyDate: string | null;
  emergencyContacts: readonly ContactValues[];
}

export const MAX_CONTACTS = 5;

export function readProfile(data: FormData) {
  const emergencyContacts: ContactValues[] = [];
  for (let i = 0; data.has(`emergencyContacts.${i}.name`); i++) {
    emergencyContacts.push({
      name: text(data, `emergencyContacts.${i}.name`),
      relationship: text(data, `emergencyContacts.${i}.relationship`),
      phone: text(data, `emergencyContacts.${i}.phone`),
    });
  }
  return {
    firstName: text(data, 'firstName'),
    lastName: text(data, 'lastName'),
    preferredName: text(data, 'preferredName'),
    phone: text(data, 'phone'),
    email: text(data, 'email'),
    dateOfBirth: text(data, 'dateOfBirth'),
    sobrietyDate: text(data, 'sobrietyDate'),
    emergencyContacts,
  };
}

export function ProfileFields(props: { values?: ProfileValues | undefined }) {
  return (
    <>
      <fieldset class="stack">
        <legend>Resident</legend>
        <div class="field-row">
          <TextField
            name="firstName"
            label="First name"
            autocomplete="off"
            value={props.values?.firstName ?? ''}
          />
          <TextField
            name="lastName"
            label="Last name"
            autocomplete="off"
            value={props.values?.lastName ?? ''}
          />
        </div>
        <TextField
          name="preferredName"
          label="Preferred name"
          optional
          hint="What they like to be called; shown instead of the first name."
          autocomplete="off"
          value={props.values?.preferredName ?? ''}
        />
        <div class="field-row">
          <TextField
            name="phone"
            label="Phone"
            type="tel"
            optional
            autocomplete="off"
            value={props.values?.phone ?? ''}
          />
          <TextField
            name="email"
            label="Email"
            type="email"
            optional
            autocomplete="off"
            value={props.values?.email ?? ''}
          />
        </div>
        <div class="field-row">
          <TextField
            name="dateOfBirth"
            label="Date of birth"
            type="date"
            optional
            value={props.values?.dateOfBirth ?? ''}
          />
          <TextField
            name="sobrietyDate"
            label="Sobriety date"
            type="date"
            optional
            value={props.values?.sobrietyDate ?? ''}
          />
        </div>
      </fieldset>
      <EmergencyContactFields initialContacts={props.values?.emergencyContacts ?? []} />
    </>
  );
}

interface ContactRow extends ContactValues {
  key: number;
}

function EmergencyContactFields(props: { initialContacts: readonly ContactValues[] }) {
  let nextKey = 0;
  let addButton: HTMLButtonElement | undefined;
  let list: HTMLDivElement | undefined;
  // the initial contacts fill the rows once; after that the inputs own their values
  const [rows, setRows] = createSignal<ContactRow[]>(
    props.initialContacts.map((c) => ({ ...c, key: nextKey++ })),
  );

  function add() {
    setRows([...rows(), { key: nextKey++, name: '', relationship: '', phone: '' }]);
    list?.querySelector<HTMLInputElement>('.contact:last-child input')?.focus();
  }

  function remove(key: number) {
    setRows(rows().filter((row) => row.key !== key));
    addButton?.focus();
  }

  return (
    <fieldset class="stack">
      <legend>Emergency contacts</legend>
      <p class="field-hint">Up to {MAX_CONTACTS} people to call in an emergency.</p>
      <div class="stack" ref={list}>
        <For each={rows()}>
          {(row, index) => (
            <div
              class="contact card stack"
              role="group"
              aria-label={`Emergency contact ${index() + 1}`}
            >
              <p class="contact-title" aria-hidden="true">
                Emergency contact {index() + 1}
              </p>
              <TextField
                name={`emergencyContacts.${index()}.name`}
                label="Contact name"
                autocomplete="off"
                value={row.name}
              />
              <div class="field-row">
                <TextField
                  name={`emergencyContacts.${index()}.relationship`}
                  label="Relationship"
                  autocomplete="off"
                  value={row.relationship}
                />
                <TextField
                  name={`emergencyContacts.${index()}.phone`}
                  label="Contact phone"
                  type="tel"
                  autocomplete="off"
                  value={row.phone}
                />
              </div>
              <p>
                <button type="button" class="button button-quiet" onClick={() => remove(row.key)}>
                  Remove contact {index() + 1}
                </button>
              </p>
            </div>
          )}
        </For>
      </div>
      <Show when={rows().length < MAX_CONTACTS}>
        <p>
          <button ref={addButton} type="button" class="button" onClick={add}>
            Add emergency contact
          </button>
        </p>
      </Show>
    </fieldset>
  );
}
