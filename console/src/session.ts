import { ApiClient, ApiFailure } from './api.ts';

// sessionStorage: survives a reload of this tab, gone when the tab closes, never shared with other tabs or
// written to disk like localStorage. The key never goes into a URL.
const STORAGE_KEY = 'tradescreen.console.key';

export interface Session {
  api: ApiClient;
  /** The key carries `review`: the console shows the review buttons. */
  canReview: boolean;
  /** POST /screenings/{id}/reviews is served by this API (it is planned on older versions). */
  reviewsServed: boolean;
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

// A uuid no screening has: with a body that fails validation, the API answers without recording anything.
const PROBE_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Checks the key and learns its scopes. The contract has no "who am I" operation, so the review scope is probed
 * with an invalid review: the API checks the key, then the scope (403), then the body (400), and stops there.
 */
export async function signIn(key: string, onUnauthorized: () => void): Promise<Session> {
  const probe = new ApiClient(key);
  try {
    await probe.get('/lists');
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 401)
      throw new SignInError('This API key was not accepted: it is unknown, revoked or expired.');
    if (e instanceof ApiFailure && e.status === 403)
      throw new SignInError('This API key lacks the "audit:read" scope the console needs.');
    throw e;
  }
  let canReview = false;
  let reviewsServed = true;
  try {
    await probe.post(`/screenings/${PROBE_ID}/reviews`, {});
    canReview = true;
  } catch (e) {
    if (!(e instanceof ApiFailure)) throw e;
    if (e.notServed) reviewsServed = false;
    else canReview = e.status !== 403 && e.status !== 401;
  }
  try {
    sessionStorage.setItem(STORAGE_KEY, key);
  } catch {
    // storage disabled: the session lasts until reload
  }
  return { api: new ApiClient(key, onUnauthorized), canReview: canReview && reviewsServed, reviewsServed };
}
