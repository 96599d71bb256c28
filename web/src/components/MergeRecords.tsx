import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { describeBirth, formatDateTime } from '../format';
import { formatPatientCode } from '../patientCode';
import { toProblem } from '../problems';
import type { Merge, PersonSummary, Problem } from '../types';
import { FormError } from './FormError';

/**
 * For data officers: merge a duplicate record into this one (found by its patient code), and undo
 * earlier merges. A merge keeps every name and all history; an undo gives each record its own back.
 */
export function MergeRecords({ personId, onChanged }: { personId: string; onChanged: () => void }) {
  const { t, language } = useApp();
  const [merges, setMerges] = useState<Merge[]>([]);
  const [code, setCode] = useState('');
  const [found, setFound] = useState<PersonSummary | null>(null);
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const loadMerges = async () => {
    try {
      setMerges(await api.merges(personId));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    loadMerges();
  }, [personId]);

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  const find = () =>
    act(async () => {
      setFound(null);
      setChecked(false);
      const results = await api.searchPeople({ query: code.trim(), limit: 1 });
      const candidate = results.find((person) => person.id !== personId);
      if (!candidate) {
        setProblem({ status: 404, code: 'not-found', detail: t('merge.noneFound') });
        return;
      }
      setFound(candidate);
    });

  const merge = () =>
    act(async () => {
      if (!found) return;
      await api.mergePerson(personId, found.id);
      setFound(null);
      setCode('');
      onChanged();
    });

  const undo = (mergeId: string) =>
    act(async () => {
      await api.undoMerge(mergeId);
      onChanged();
    });

  return (
    <details class="merge-records" data-testid="merge-records">
      <summary>{t('merge.title')}</summary>
      <p class="muted">{t('merge.explanation')}</p>
      <FormError problem={problem} />
      <form
        class="form inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          find();
        }}
      >
        <label for="merge-code">{t('merge.code')}</label>
        <input
          id="merge-code"
          dir="ltr"
          value={code}
          maxLength={20}
          data-testid="merge-code"
          onInput={(event) => setCode((event.currentTarget).value)}
        />
        <button type="submit" class="button secondary" disabled={busy || !code.trim()} data-testid="merge-find">
          {t('merge.find')}
        </button>
      </form>
      {found && (
        <div class="merge-candidate" data-testid="merge-candidate">
          <p>
            <strong dir="auto">{found.chosenName}</strong>{' '}
            <span class="patient-code" dir="ltr">
              {formatPatientCode(found.patientCode)}
            </span>
          </p>
          <p class="muted">
            {[t(`sex.${found.sex}`), describeBirth(found.birthDate, found.age, t, language)]
              .filter((part) => part)
              .join(' · ')}
          </p>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={checked}
              data-testid="merge-confirm"
              onChange={(event) => setChecked((event.currentTarget).checked)}
            />
            <span>{t('merge.confirm')}</span>
          </label>
          <button type="button" class="button danger" disabled={busy || !checked} onClick={merge} data-testid="merge-submit">
            {t('merge.submit')}
          </button>
        </div>
      )}
      {merges.length > 0 && (
        <ul class="plain-list" data-testid="merge-list">
          {merges.map((merge) => (
            <li key={merge.id} data-testid="merge-item">
              <span dir="ltr">{formatPatientCode(merge.mergedCode)}</span>{' '}
              {t('merge.mergedOn', { at: formatDateTime(merge.mergedAt, language) })}
              {merge.unmergedAt ? (
                <span class="muted"> · {t('merge.undoneOn', { at: formatDateTime(merge.unmergedAt, language) })}</span>
              ) : (
                <button
                  type="button"
                  class="button secondary"
                  disabled={busy}
                  onClick={() => undo(merge.id)}
                  data-testid="merge-undo"
                >
                  {t('merge.undo')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
