// Command-line flags of the test tools (`pnpm test:durability`, `pnpm test:soak`):
// `--name value`, with a clear message and exit code 2 for a wrong value.

function raw(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

function refuse(message: string): never {
  console.error(message);
  process.exit(2);
}

/** A number flag: a whole number unless `fractions`, never negative. */
export function numberFlag(
  name: string,
  fallback: number,
  options: { fractions?: boolean } = {},
): number {
  const value = raw(name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (!options.fractions && !Number.isInteger(n)))
    refuse(`--${name} takes a ${options.fractions ? '' : 'whole '}number, not "${value}"`);
  return n;
}

/** A flag that is one of `choices`. */
export function choiceFlag<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = raw(name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value))
    refuse(`--${name} takes ${choices.join(' or ')}, not "${value}"`);
  return value as T;
}

/** Whether `--name` was given at all. */
export const hasFlag = (name: string) => process.argv.includes(`--${name}`);
