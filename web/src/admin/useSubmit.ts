import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { toProblem } from '../problems';
import type { Problem } from '../types';

/** Runs a form's action, keeping its problem and busy state; returns whether it succeeded. */
export function useSubmit() {
  const { t } = useApp();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    setDone(false);
    try {
      await action();
      setDone(true);
      return true;
    } catch (error) {
      setProblem(toProblem(error, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { problem, busy, done, run };
}
