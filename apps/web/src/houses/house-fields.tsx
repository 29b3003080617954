// The fields of a house, for creating one and for editing it.
import { NARR_LEVEL_LABELS, NARR_LEVELS } from '@porchlight/domain/labels';
import { browserTimeZone } from '../lib/dates';
import { type Choice, SelectField, text, TextField } from '../lib/forms';

export interface HouseValues {
  name: string;
  address: string;
  timezone: string;
  narrLevel: number;
  capacity: number;
}

function timeZoneChoices(current: string): Choice[] {
  // older browsers cannot list zones: offer the current one, the API checks it anyway
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = zones.includes(current) ? zones : [current, ...zones];
  return all.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}

const NARR_CHOICES: Choice[] = NARR_LEVELS.map((level) => ({
  value: String(level),
  label: NARR_LEVEL_LABELS[level] ?? `Level ${level}`,
}));

/** A number typed in a field; undefined when left empty, NaN when not a number (both refused). */
function numberIn(data: FormData, name: string): number | undefined {
  const value = text(data, name).trim();
  return value === '' ? undefined : Number(value);
}

export function readHouseFields(data: FormData) {
  return {
    name: text(data, 'name'),
    address: text(data, 'address'),
    timezone: text(data, 'timezone'),
    narrLevel: numberIn(data, 'narrLevel'),
    capacity: numberIn(data, 'capacity'),
  };
}

export function HouseFields(props: { values?: HouseValues | undefined }) {
  const zone = () => props.values?.timezone ?? browserTimeZone();
  return (
    <>
      <TextField name="name" label="House name" value={props.values?.name ?? ''} />
      <TextField
        name="address"
        label="Address"
        autocomplete="street-address"
        value={props.values?.address ?? ''}
      />
      <SelectField
        name="timezone"
        label="Timezone"
        hint="Curfews, check-ins and dates follow the house's local time."
        choices={timeZoneChoices(zone())}
        value={zone()}
      />
      <SelectField
        name="narrLevel"
        label="NARR level"
        choices={NARR_CHOICES}
        value={String(props.values?.narrLevel ?? 2)}
      />
      <TextField
        name="capacity"
        label="Capacity"
        hint="How many residents the house is licensed or set up for."
        type="number"
        inputmode="numeric"
        min="1"
        max="500"
        value={String(props.values?.capacity ?? '')}
      />
    </>
  );
}
