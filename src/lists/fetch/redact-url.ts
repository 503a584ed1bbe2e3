/**
 * A list URL as it may be shown or logged: without credentials and query values. The EU FSF URL carries the
 * subscriber's personal token in its query, and source locations and refresh errors are shown to every
 * tenant's audit:read keys and written to the logs.
 */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.replace(/\?.*$/s, '?…');
  }
  if (u.username || u.password) {
    u.username = 'redacted';
    u.password = '';
  }
  for (const key of [...u.searchParams.keys()]) u.searchParams.set(key, 'redacted');
  return u.toString();
}
