// What a new password must not be, beyond its length (PASSWORD_MIN to
// PASSWORD_MAX in the domain): one of the most common passwords (the 49,000 of
// zxcvbn-ts's common list, loaded the first time a password is set), or the
// person's own email address.
let common: Promise<ReadonlySet<string>> | undefined;

function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= import('@zxcvbn-ts/language-common').then((module) => {
    // the server's build loads the package's CommonJS file as a file of its own,
    // whose exports come as its default
    const dictionary = (module as Partial<typeof module>).dictionary ?? module.default.dictionary;
    return new Set(dictionary['passwords-common']);
  });
  return common;
}

/** Why `password` may not be used, as the end of a sentence about the password field; null when it may. */
export async function passwordProblem(
  password: string,
  person: { email: string },
): Promise<string | null> {
  const folded = password.trim().toLowerCase();
  if ((await commonPasswords()).has(folded))
    return 'is one of the most common passwords, the first ones an attacker tries: choose another.';
  const email = person.email.trim().toLowerCase();
  const mailbox = email.split('@')[0] ?? '';
  if (folded === email || (mailbox.length >= 6 && folded.includes(mailbox)))
    return 'must not contain your email address.';
  return null;
}
