import {useEffect, useRef, useState} from 'react';
import {api, ApiError, events, JobDone, toApiError} from '../api';

/**
 * useJob follows one background job: its progress and its end. It listens
 * before the job starts, because a short job (a small file checked, a short
 * list exported) can end before its id comes back from the call that
 * started it; that end is kept and delivered as soon as the id is known.
 */
export function useJob(onDone: (ok: boolean, result: any, error?: ApiError) => void) {
  const [id, setId] = useState<string>();
  const [done, setDone] = useState(0);
  const cb = useRef(onDone);
  cb.current = onDone;
  const current = useRef<string | undefined>(undefined);
  const early = useRef(new Map<string, JobDone>());
  const finish = (d: JobDone) => {
    current.current = undefined;
    setId(undefined);
    cb.current(d.ok, d.result, d.error ? toApiError(d.error) : undefined);
  };
  useEffect(() => {
    const off1 = events.onJobProgress((p) => p.id === current.current && setDone(p.done));
    const off2 = events.onJobDone((d) => {
      if (d.id === current.current) finish(d);
      else early.current.set(d.id, d);
    });
    return () => { off1(); off2(); };
  }, []);
  return {
    id, running: !!id, done,
    start: (p: Promise<string>) => {
      setDone(0);
      return p.then((jid) => {
        const d = early.current.get(jid);
        early.current.delete(jid);
        if (d) return finish(d);
        current.current = jid;
        setId(jid);
      }, (e) => cb.current(false, undefined, toApiError(e)));
    },
    cancel: () => id && api.cancelJob(id),
  };
}
