// Signing a rule book: the resident types their name. It must be the name on
// their record (legal or preferred), however it is capitalised, spaced or accented,
// so a signature means the person read and agreed, not that a box was ticked.
import * as z from 'zod';
import { invalid } from '../errors';
import { id } from '../schemas';

export const acknowledgeInput = z.strictObject({
  ruleBookVersionId: id,
  typedName: z
    .string({ error: 'is required.' })
    .trim()
    .min(2, 'must be your name as written on your record.')
    .max(120, 'must be at most 120 characters.'),
});

function comparable(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function checkTypedSignature(
  typedName: string,
  person: { firstName: string; lastName: string; preferredName: string | null },
): void {
  const typed = comparable(typedName);
  const accepted = [person.firstName, person.preferredName]
    .filter((first): first is string => first !== null && first !== '')
    .map((first) => comparable(`${first} ${person.lastName}`));
  if (!accepted.includes(typed)) {
    throw invalid('typedName', 'must be your name as written on your record.');
  }
}
