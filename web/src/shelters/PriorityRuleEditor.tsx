import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { CRITERIA, sheltersApi, type WaitingRule } from './sheltersApi';

/**
 * The coordinator's priority rule: the points each criterion of need adds (0 to 100) and the points
 * of each day waited. Saved with the version read (a rule changed meanwhile is refused), each change
 * audited; the ranking below follows it at once, each rank with its reasons.
 */
export function PriorityRuleEditor({ siteId, onSaved }: { siteId: string; onSaved: () => void }) {
  const { t } = useApp();
  const [rule, setRule] = useState<WaitingRule | null>(null);
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [perDay, setPerDay] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const show = (read: WaitingRule) => {
    setRule(read);
    setWeights(Object.fromEntries(CRITERIA.map((one) => [one, String(read.weights[one] ?? 0)])));
    setPerDay(String(read.pointsPerDay));
  };

  useEffect(() => {
    sheltersApi
      .rule(siteId)
      .then(show)
      .catch((error) => setProblem(toProblem(error, t)));
  }, [siteId]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!rule) return;
    setProblem(null);
    setSaved(false);
    setBusy(true);
    try {
      const numbers = Object.fromEntries(CRITERIA.map((one) => [one, Number.parseInt(weights[one] || '0', 10)]));
      show(await sheltersApi.changeRule(siteId, numbers, Number.parseInt(perDay || '0', 10), rule.version));
      setSaved(true);
      onSaved();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="bed-board-room" data-testid="priority-rule">
      <h2>{t('shelter.priorityRule')}</h2>
      <p>{t('shelter.priorityRuleHelp')}</p>
      <form class="shelter-form" onSubmit={submit}>
        <FormError problem={problem} />
        {rule && (
          <>
            <div class="rule-weights">
              {CRITERIA.map((one) => (
                <div class="field" key={one}>
                  <label for={`rule-${one}`}>{t(enumKey('shelter.criterion', one))}</label>
                  <input
                    id={`rule-${one}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={100}
                    value={weights[one]}
                    onInput={(event) => setWeights({ ...weights, [one]: event.currentTarget.value })}
                    data-testid={`rule-${one}`}
                  />
                </div>
              ))}
              <div class="field">
                <label for="rule-per-day">{t('shelter.pointsPerDay')}</label>
                <input
                  id="rule-per-day"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={100}
                  value={perDay}
                  onInput={(event) => setPerDay(event.currentTarget.value)}
                  data-testid="rule-per-day"
                />
              </div>
            </div>
            <div class="actions">
              <button type="submit" class="button primary" disabled={busy} data-testid="rule-save">
                {t('shelter.saveRule')}
              </button>
              {saved && <span role="status">{t('shelter.ruleSaved')}</span>}
            </div>
          </>
        )}
      </form>
    </section>
  );
}
