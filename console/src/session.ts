import { ApiClient, ApiFailure } from './api.ts';

// sessionStorage: survives a reload of this tab, gone when the tab closes, never shared with other tabs or
// written to disk like localStorage. The key never goes into a URL.
const STORAGE_KEY = 'tradescreen.console.key';

export interface Session {
  api: ApiClient;
  /** The key carries `review`: the console shows the review buttons. */
  canReview: boolean;
  /** The named person the key belongs to (issue 23): the officer sees whose name their reviews will carry. */
  person: { name: string; email: string } | null;
  /** POST /screenings/{id}/reviews is served by this API (it is planned on older versions). */
}

export function storedKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function forgetKey(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: the key was only in memory anyway
  }
}

export class SignInError extends Error {}

/** Checks the key and learns its scopes from GET /whoami, so the console offers only what the key may do. */
export async function signIn(key: string, onUnauthorized: () => void): Promise<Session> {
  const probe = new ApiClient(key);
  let scopes: string[];
  let person: Session['person'] = null;
  try {
    const me = await probe.get<{ scopes: string[]; person?: Session['person'] }>('/whoami');
    scopes = me.scopes;
    person = me.person ?? null;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 401)
      throw new SignInError('This API key was not accepted: it is unknown, revoked or expired.');
    throw e;
  }
  if (!scopes.includes('audit:read')) {
    throw new SignInError('This API key lacks the "audit:read" scope the console needs.');
  }
  const canReview = scopes.includes('review');
  try {
    sessionStorage.setItem(STORAGE_KEY, key);
  } catch {
    // storage disabled: the session lasts until reload
  }
  return { api: new ApiClient(key, onUnauthorized), canReview, person };
}
