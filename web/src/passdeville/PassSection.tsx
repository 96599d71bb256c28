import { useEffect, useState } from 'preact/hooks';
import { TextField } from '../admin/TextField';
import { hasRole, useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { formatDate, today } from '../format';
import { enumKey } from '../i18n';
import { uuidv7 } from '../ids';
import { localProblem, toProblem } from '../problems';
import { useDirectorySearch } from '../referrals/ServicePicker';
import type { Problem } from '../types';
import { passApi, type PassFile, type Voucher } from './passApi';
import { CARE_TYPES, CITY_PROVIDERS, displayCode, formatCents, toCents } from './passModel';
import './passdeville.css';

/**
 * Pass de ville on a person's page: the decision on their eligibility and their vouchers, each with
 * the code the provider reads out. Social and legal workers decide and issue; coordinators read.
 */
export function PassSection({ personId }: { personId: string }) {
  const { session, t, language } = useApp();
  const [file, setFile] = useState<PassFile | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const issues = hasRole(session, 'SOCIAL_LEGAL_WORKER');
  const load = () => passApi.file(personId).then(setFile, (error) => setProblem(toProblem(error, t)));
  useEffect(() => {
    load();
  }, [personId]);
  const act = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
      await load();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  const decide = (decision: 'ELIGIBLE' | 'NOT_ELIGIBLE') => act(() => passApi.decide(personId, { id: uuidv7(), decision, decidedOn: today() }));
  if (!file) return <FormError problem={problem} />;
  const decision = file.eligibility?.decision;
  return (
    <section class="card pass-de-ville" data-testid="pass-de-ville">
      <h2>{t('pass.title')}</h2>
      <p data-testid="pass-decision">
        {decision ? t(enumKey('pass.decision', decision)) : t('pass.noDecision')}
        {file.eligibility && ` · ${formatDate(file.eligibility.decidedOn, language)}`}
      </p>
      <FormError problem={problem} />
      {issues && (
        <div class="button-row">
          <button type="button" class="button" onClick={() => decide('ELIGIBLE')} data-testid="pass-eligible">
            {t('pass.decideEligible')}
          </button>
          <button type="button" class="button" onClick={() => decide('NOT_ELIGIBLE')}>
            {t('pass.decideNotEligible')}
          </button>
        </div>
      )}
      <ul class="plain-list">
        {file.vouchers.map((voucher) => (
          <VoucherLine key={voucher.id} voucher={voucher} onCancel={issues ? () => act(() => passApi.cancel(voucher.id, voucher.version)) : undefined} />
        ))}
      </ul>
      {file.vouchers.length === 0 && <p class="empty">{t('pass.noVoucher')}</p>}
      {issues && decision === 'ELIGIBLE' && <VoucherForm personId={personId} onIssued={load} />}
    </section>
  );
}

function VoucherLine({ voucher, onCancel }: { voucher: Voucher; onCancel?: () => void }) {
  const { t, language } = useApp();
  return (
    <li class={`voucher voucher-${voucher.status.toLowerCase()}`} data-testid="pass-voucher">
      <strong class="voucher-code" dir="ltr">{displayCode(voucher.code)}</strong> · {t(enumKey('pass.careType', voucher.careType))} ·{' '}
      <span dir="auto">{voucher.providerName}</span>
      <div class="muted">
        {t(enumKey('pass.status', voucher.status))} · {formatCents(voucher.claimedCents, language)} / {formatCents(voucher.ceilingCents, language)} ·{' '}
        {t('pass.validUntil', { date: formatDate(voucher.validUntil, language) })}
      </div>
      {onCancel && voucher.status === 'OPEN' && (
        <button type="button" class="button link" onClick={onCancel}>
          {t('pass.cancel')}
        </button>
      )}
    </li>
  );
}

function VoucherForm({ personId, onIssued }: { personId: string; onIssued: () => void }) {
  const { t } = useApp();
  const [providerId, setProviderId] = useState('');
  const [careType, setCareType] = useState('');
  const [ceiling, setCeiling] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const providers = useDirectorySearch({ includeClosed: false });
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    const ceilingCents = toCents(ceiling);
    if (ceilingCents === null || ceilingCents === 0) {
      setProblem(localProblem([{ field: 'ceilingCents', code: 'invalid-input', message: t('pass.amountHint') }]));
      return;
    }
    try {
      await passApi.issue(personId, { id: uuidv7(), providerId, careType: careType as Voucher['careType'], ceilingCents, validUntil });
      setCeiling('');
      onIssued();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  return (
    <form class="pass-form" onSubmit={submit} data-testid="pass-voucher-form">
      <h3>{t('pass.issue')}</h3>
      <FormError problem={problem} placed={['validUntil', 'ceilingCents']} />
      <div class="field">
        <label for="pass-provider">{t('pass.provider')}</label>
        <select id="pass-provider" value={providerId} onChange={(event) => setProviderId(event.currentTarget.value)} data-testid="pass-provider">
          <option value="">{t('app.choose')}</option>
          {(providers ?? [])
            .filter((service) => CITY_PROVIDERS.includes(service.details.kind))
            .map((service) => (
              <option key={service.id} value={service.id}>
                {service.details.name} · {t(enumKey('directory.kind', service.details.kind))}
              </option>
            ))}
        </select>
      </div>
      <div class="field">
        <label for="pass-care-type">{t('pass.careTypeLabel')}</label>
        <select id="pass-care-type" value={careType} onChange={(event) => setCareType(event.currentTarget.value)} data-testid="pass-care-type">
          <option value="">{t('app.choose')}</option>
          {CARE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(enumKey('pass.careType', type))}
            </option>
          ))}
        </select>
      </div>
      <div class="field-row">
        <TextField id="pass-ceiling" label={t('pass.ceiling')} value={ceiling} onInput={setCeiling} problem={problem} path="ceilingCents" />
        <TextField id="pass-valid-until" type="date" label={t('pass.validUntilLabel')} value={validUntil} onInput={setValidUntil} problem={problem} path="validUntil" />
      </div>
      <button type="submit" class="button primary" data-testid="pass-issue">
        {t('pass.issueButton')}
      </button>
    </form>
  );
}
