import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { acknowledgeInput, checkTypedSignature } from './acknowledgement';

const person = { firstName: 'José', lastName: 'Núñez-García', preferredName: 'Pepe' };

function fieldOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.field;
    throw error;
  }
  return undefined;
}

describe('checkTypedSignature', () => {
  test.each([
    'José Núñez-García',
    'jose nunez garcia',
    '  JOSE   NUNEZ-GARCIA ',
    'Pepe Núñez-García',
    'pepe nunez-garcia',
  ])('accepts %j as the signature of José (Pepe) Núñez-García', (typed) => {
    expect(() => checkTypedSignature(typed, person)).not.toThrow();
  });

  test.each(['José', 'Núñez-García', 'Jose Nunez', 'Pepe', 'Someone Else', 'x'])(
    'refuses %j, naming the typedName field',
    (typed) => {
      expect(fieldOf(() => checkTypedSignature(typed, person))).toBe('typedName');
    },
  );

  test('a person with no preferred name signs with their legal name only', () => {
    const plain = { firstName: 'Ann', lastName: 'Lee', preferredName: null };
    expect(() => checkTypedSignature('Ann Lee', plain)).not.toThrow();
    expect(fieldOf(() => checkTypedSignature('null Lee', plain))).toBe('typedName');
  });
});

describe('acknowledgeInput', () => {
  test('requires a version and a typed name of at least two characters, trimmed', () => {
    expect(
      acknowledgeInput.safeParse({ ruleBookVersionId: 'v1', typedName: '  Ann Lee ' }).data,
    ).toEqual({
      ruleBookVersionId: 'v1',
      typedName: 'Ann Lee',
    });
    expect(acknowledgeInput.safeParse({ ruleBookVersionId: 'v1', typedName: ' a ' }).success).toBe(
      false,
    );
    expect(acknowledgeInput.safeParse({ typedName: 'Ann Lee' }).success).toBe(false);
  });
});
