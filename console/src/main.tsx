import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { describeFailure } from './api.ts';
import { AuditLogPage } from './pages/audit-log.tsx';
import { DashboardPage } from './pages/dashboard.tsx';
import { ListsPage } from './pages/lists.tsx';
import { QueuePage } from './pages/queue.tsx';
import { ScreeningDetailPage } from './pages/screening-detail.tsx';
import { SignIn } from './pages/sign-in.tsx';
import { href, type Route, useRoute } from './router.ts';
import { forgetKey, type Session, signIn, storedKey } from './session.ts';

const SESSION_ENDED =
  'Your session ended: the API key was revoked or has expired. Sign in again with a valid key.';

function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(() => storedKey() !== null);
  const [notice, setNotice] = useState<string | null>(null);

  const endSession = useCallback((message: string | null) => {
    forgetKey();
    setSession(null);
    setNotice(message);
  }, []);
  const onUnauthorized = useCallback(() => endSession(SESSION_ENDED), [endSession]);

  // A reload of the tab keeps the key (sessionStorage) but re-checks it and its scopes.
  useEffect(() => {
    const key = storedKey();
    if (!key) return;
    signIn(key, onUnauthorized).then(
      (s) => {
        setSession(s);
        setRestoring(false);
      },
      (e: unknown) => {
        endSession(describeFailure(e));
        setRestoring(false);
      },
    );
  }, [onUnauthorized, endSession]);

  if (restoring) return <p class="state loading">Checking your session…</p>;
  if (!session)
    return (
      <SignIn
        notice={notice}
        onUnauthorized={onUnauthorized}
        onSignedIn={(s) => {
          setNotice(null);
          setSession(s);
        }}
      />
    );
  return <Shell session={session} route={route} onSignOut={() => endSession('You are signed out.')} />;
}

const NAV = [
  ['queue', 'Queue'],
  ['log', 'Audit log'],
  ['lists', 'Lists'],
  ['dashboard', 'Dashboard'],
] as const;

function Shell({ session, route, onSignOut }: { session: Session; route: Route; onSignOut: () => void }) {
  const [section = 'queue', id] = route.path;
  const main = useRef<HTMLElement>(null);
  // Move focus to the page on navigation so keyboard and screen-reader users land on the new content.
  useEffect(() => main.current?.focus(), [section, id]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">tradescreen</span>
        <nav aria-label="Sections">
          {NAV.map(([path, label]) => (
            <a key={path} href={href(path)} aria-current={section === path ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <span class="who" title={session.person?.email}>
          {session.person && `${session.person.name} · `}
          {session.canReview ? 'reviewer' : 'read-only'}
        </span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {section === 'queue' && <QueuePage api={session.api} canReview={session.canReview} />}
        {section === 'log' && <AuditLogPage api={session.api} route={route} />}
        {section === 'screenings' && id && <ScreeningDetailPage key={id} session={session} id={id} />}
        {section === 'lists' && <ListsPage api={session.api} sourceId={id} />}
        {section === 'dashboard' && <DashboardPage api={session.api} route={route} />}
        {!['queue', 'log', 'screenings', 'lists', 'dashboard'].includes(section) && (
          <p class="state notice">
            No such page. <a href={href('queue')}>Go to the queue</a>.
          </p>
        )}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
