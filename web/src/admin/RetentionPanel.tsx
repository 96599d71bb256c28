import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { useReauthenticatedAction } from '../components/ConfirmIdentity';
import { errorId, FieldErrors } from '../components/FieldErrors';
import { FormError } from '../components/FormError';
import { formatDate } from '../format';
import type { Translate } from '../i18n';
import {
  RETENTION_TYPES,
  type RetentionPurgeResult,
  type RetentionReport,
  type RetentionReportLine,
  type RetentionType,
} from '../types';
import { useSubmit } from './useSubmit';

function typeLabel(recordType: string, t: Translate): string {
  return (RETENTION_TYPES as readonly string[]).includes(recordType)
    ? t(`retention.type.${recordType as RetentionType}`)
    : recordType;
}

/**
 * How long each type of record is kept: the rules (months, purge on or off), what a purge would
 * remove now, and a purge on demand after the administrator confirms who they are.
 */
export function RetentionPanel() {
  const { t } = useApp();
  const [report, setReport] = useState<RetentionReport | null>(null);
  const { problem, busy, run } = useSubmit();
  const load = () => run(async () => setReport(await api.retentionReport()));

  useEffect(() => {
    load();
  }, []);

  return (
    <section class="card" aria-labelledby="admin-retention" data-testid="retention-panel">
      <h2 id="admin-retention">{t('retention.title')}</h2>
      <p class="muted">{t('retention.explanation')}</p>
      <FormError problem={problem} />
      {report && (
        <ul class="plain-list retention-rules">
          {report.lines.map((line) => (
            <RuleEditor key={`${line.rule.recordType}-${line.rule.version}`} line={line} onSaved={load} />
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" class="button secondary" disabled={busy} onClick={load} data-testid="retention-refresh">
          {t('retention.refresh')}
        </button>
      </div>
      <PurgeNow onPurged={load} />
    </section>
  );
}

function RuleEditor({ line, onSaved }: { line: RetentionReportLine; onSaved: () => void }) {
  const { t, language } = useApp();
  const { rule } = line;
  const [months, setMonths] = useState(String(rule.months));
  const [enabled, setEnabled] = useState(rule.enabled);
  const { problem, busy, run } = useSubmit();
  const id = `retention-${rule.recordType}`;

  const save = async (event: Event) => {
    event.preventDefault();
    const value = months.trim() === '' ? Number.NaN : Number(months);
    if (await run(() => api.changeRetentionRule(rule.recordType, value, enabled, rule.version))) {
      onSaved();
    }
  };

  return (
    <li data-testid="retention-rule" data-record-type={rule.recordType}>
      <form onSubmit={save} noValidate class="admin-form">
        <h3>{typeLabel(rule.recordType, t)}</h3>
        <FormError problem={problem} placed={['months']} />
        <div class="field-row">
          <div class="field">
            <label for={`${id}-months`}>{t('retention.months')}</label>
            <input
              id={`${id}-months`}
              type="number"
              inputMode="numeric"
              min={1}
              max={600}
              value={months}
              aria-describedby={`${id}-hint ${errorId(`${id}-months`)}`}
              data-testid="retention-months"
              onInput={(event) => setMonths(event.currentTarget.value)}
            />
            <p class="hint" id={`${id}-hint`}>
              {t('retention.monthsHint', { months: rule.defaultMonths })}
            </p>
            <FieldErrors problem={problem} path="months" id={errorId(`${id}-months`)} />
          </div>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={enabled}
              data-testid="retention-enabled"
              onChange={(event) => setEnabled(event.currentTarget.checked)}
            />
            {t('retention.enabled')}
          </label>
        </div>
        <dl class="retention-facts">
          <dt>{t('retention.cutoff')}</dt>
          <dd dir="ltr">{formatDate(line.cutoff.slice(0, 10), language)}</dd>
          <dt>{t('retention.expired')}</dt>
          <dd data-testid="retention-expired">{line.expired}</dd>
          <dt>{t('retention.oldest')}</dt>
          <dd dir="ltr">{line.oldest ? formatDate(line.oldest.slice(0, 10), language) : t('app.none')}</dd>
        </dl>
        {!rule.enabled && <p class="muted">{t('retention.disabledNote')}</p>}
        <button type="submit" class="button primary" disabled={busy} data-testid="retention-save">
          {t('retention.save')}
        </button>
      </form>
    </li>
  );
}

function PurgeNow({ onPurged }: { onPurged: () => void }) {
  const { t } = useApp();
  const [confirmed, setConfirmed] = useState(false);
  const [result, setResult] = useState<RetentionPurgeResult | null>(null);
  const { run: purge, busy, problem, confirmation } = useReauthenticatedAction(
    () => api.purgeRetention(),
    (done) => {
      setResult(done);
      setConfirmed(false);
      onPurged();
    },
  );

  if (confirmation) {
    return confirmation;
  }

  return (
    <div class="retention-purge">
      <h3>{t('retention.purge')}</h3>
      <FormError problem={problem} />
      <label class="checkbox">
        <input
          type="checkbox"
          checked={confirmed}
          data-testid="retention-purge-confirm"
          onChange={(event) => setConfirmed(event.currentTarget.checked)}
        />
        {t('retention.purgeConfirm')}
      </label>
      <button
        type="button"
        class="button danger"
        disabled={!confirmed || busy}
        onClick={purge}
        data-testid="retention-purge"
      >
        {t('retention.purge')}
      </button>
      {result && (
        <ul class="plain-list" role="status" data-testid="retention-purge-result">
          {result.purged.map((purged) => (
            <li key={purged.recordType}>
              {purged.outcome === 'PURGED'
                ? t.plural('retention.outcome.PURGED', purged.removed, { type: typeLabel(purged.recordType, t) })
                : t(`retention.outcome.${purged.outcome}`, { type: typeLabel(purged.recordType, t) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
