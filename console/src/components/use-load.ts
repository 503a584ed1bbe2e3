import { useCallback, useEffect, useState } from 'preact/hooks';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; data: T; reloading: boolean };

/** Runs `fn` whenever `deps` change; a late answer to an outdated request is dropped. */
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): [Load<T>, () => void] {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoad((prev) => (prev.state === 'ready' ? { ...prev, reloading: true } : { state: 'loading' }));
    fn().then(
      (data) => live && setLoad({ state: 'ready', data, reloading: false }),
      (error: unknown) => live && setLoad({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return [load, reload];
}
