import { useState } from 'preact/hooks';
import { describeFailure } from '../api.ts';
import { type Session, SignInError, signIn } from '../session.ts';

export function SignIn({
  notice,
  onSignedIn,
  onUnauthorized,
}: {
  notice: string | null;
  onSignedIn: (s: Session) => void;
  onUnauthorized: () => void;
}) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(key.trim(), onUnauthorized));
    } catch (err) {
      setError(err instanceof SignInError ? err.message : describeFailure(err));
      setBusy(false);
    }
  }

  return (
    <main class="sign-in">
      <h1>tradescreen · compliance console</h1>
      {notice && (
        <p class="state notice" role="alert">
          {notice}
        </p>
      )}
      <form onSubmit={submit}>
        <label for="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autocomplete="off"
          spellcheck={false}
          required
          value={key}
          onInput={(e) => setKey((e.target as HTMLInputElement).value)}
          aria-describedby="api-key-help"
        />
        <p id="api-key-help" class="help">
          A key with the <code>audit:read</code> scope; add <code>review</code> to record reviews. It is kept
          in this browser tab only and forgotten when the tab closes.
        </p>
        {error && (
          <p class="state error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy || !key.trim()}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
