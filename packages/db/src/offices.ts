// The offices every house starts with (the domain's Oxford House offices), as
// rows: written with a new house, by the demo, and by migration 0006 for houses
// that existed before it.
import { DEFAULT_OFFICES } from '@porchlight/domain';
import { newId } from './ids';
import type { offices } from './schema';

export function defaultOfficeRows(house: {
  id: string;
  organisationId: string;
}): (typeof offices.$inferInsert)[] {
  return DEFAULT_OFFICES.map((o, position) => ({
    id: newId(),
    organisationId: house.organisationId,
    houseId: house.id,
    key: o.key,
    name: o.name,
    description: o.description,
    powers: [...o.powers],
    position,
  }));
}
