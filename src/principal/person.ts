/**
 * The named person a key belongs to (migration 0038). Keys without one are service keys: their reviews are
 * signed by the key alone. Until single sign-on (README), the `keys:admin` key that creates a key vouches for
 * the person; the person is in the key's `api_key.created` audit event.
 */
export interface Person {
  name: string;
  email: string;
}

/** How a signature reads to people, in the console, the CSV export and review history. */
export function signature(keyId: string, person: Person | null | undefined): string {
  return person ? `${person.name} <${person.email}> (key ${keyId})` : `key ${keyId}`;
}

/**
 * Who counts as one pair of eyes: a person (by e-mail; one person's keys are one pair) or, for a key without a
 * person, the key itself.
 */
export function reviewerIdentity(keyId: string, email: string | null | undefined): string {
  return email ? `person:${email.toLowerCase()}` : `key:${keyId}`;
}
