import { useEffect, useState } from 'preact/hooks';
import { TextField } from '../admin/TextField';
import { hasRole, useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { formatDate, formatMonth, today } from '../format';
import { enumKey } from '../i18n';
import { uuidv7 } from '../ids';
import { localProblem, toProblem } from '../problems';
import type { Problem } from '../types';
import { passApi, type Budget, type CheckedVoucher } from './passApi';
import { displayCode, formatCents, toCents } from './passModel';
import './passdeville.css';

/**
 * Pass de ville for the staff a provider calls: check a voucher's code (read out by the provider)
 * and enter the provider's claim; and, for coordinators, the programme's budget with what is
 * committed, spent and left, month by month and per person.
 */
export function PassDeVilleScreen() {
  const { session, t } = useApp();
  return (
    <div class="stack">
      <h1>{t('pass.title')}</h1>
      {hasRole(session, 'SOCIAL_LEGAL_WORKER', 'COORDINATOR') && <CodeCheck />}
      {hasRole(session, 'COORDINATOR', 'ADMINISTRATOR') && session?.currentSite && <BudgetView programmeId={session.currentSite.programmeId} />}
    </div>
  );
}

function CodeCheck() {
  const { t, language } = useApp();
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState<CheckedVoucher | null>(null);
  const [amount, setAmount] = useState('');
  const [careOn, setCareOn] = useState(today());
  const [invoiceRef, setInvoiceRef] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [claimed, setClaimed] = useState(false);
  const check = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setClaimed(false);
    try {
      setChecked(await passApi.check(code));
    } catch (error) {
      setChecked(null);
      setProblem(toProblem(error, t));
    }
  };
  const claim = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    const amountCents = toCents(amount);
    if (amountCents === null || amountCents === 0) {
      setProblem(localProblem([{ field: 'amountCents', code: 'invalid-input', message: t('pass.amountHint') }]));
      return;
    }
    try {
      await passApi.claim({ id: uuidv7(), code, amountCents, careOn, invoiceRef: invoiceRef.trim() || undefined });
      setAmount('');
      setInvoiceRef('');
      setClaimed(true);
      setChecked(await passApi.check(code));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  const voucher = checked?.voucher;
  return (
    <section class="card pass-check" data-testid="pass-check">
      <h2>{t('pass.checkTitle')}</h2>
      <form onSubmit={check}>
        <TextField id="pass-code" label={t('pass.code')} hint={t('pass.codeHint')} value={code} onInput={setCode} problem={problem} path="code" />
        <button type="submit" class="button primary" data-testid="pass-check-button">
          {t('pass.check')}
        </button>
      </form>
      <FormError problem={problem} placed={['code', 'amountCents', 'careOn']} />
      {checked && voucher && (
        <div data-testid="pass-checked">
          <p class={checked.valid ? 'pass-verdict-valid' : 'pass-verdict-invalid'} data-testid="pass-verdict">
            {checked.valid ? t('pass.valid') : t('pass.notValid')} · {t(enumKey('pass.status', voucher.status))}
          </p>
          <p>
            <strong class="voucher-code" dir="ltr">{displayCode(voucher.code)}</strong> · <span dir="auto">{checked.personName}</span>
            {checked.patientCode && <span dir="ltr"> ({displayCode(checked.patientCode)})</span>}
          </p>
          <p class="muted">
            {t(enumKey('pass.careType', voucher.careType))} · <span dir="auto">{voucher.providerName}</span> ·{' '}
            {t('pass.validUntil', { date: formatDate(voucher.validUntil, language) })}
          </p>
          <p data-testid="pass-remaining">{t('pass.remaining', { amount: formatCents(checked.remainingCents, language) })}</p>
          {checked.valid && (
            <form onSubmit={claim} data-testid="pass-claim-form">
              <h3>{t('pass.claimTitle')}</h3>
              <div class="field-row">
                <TextField id="pass-amount" label={t('pass.amount')} hint={t('pass.amountHint')} value={amount} onInput={setAmount} problem={problem} path="amountCents" />
                <TextField id="pass-care-on" type="date" label={t('pass.careOn')} value={careOn} onInput={setCareOn} problem={problem} path="careOn" />
                <TextField id="pass-invoice" label={t('pass.invoiceRef')} value={invoiceRef} onInput={setInvoiceRef} problem={problem} path="invoiceRef" />
              </div>
              <button type="submit" class="button primary" data-testid="pass-claim">
                {t('pass.claim')}
              </button>
            </form>
          )}
          {claimed && <p role="status">{t('pass.claimed')}</p>}
        </div>
      )}
    </section>
  );
}

function BudgetView({ programmeId }: { programmeId: string }) {
  const { t, language } = useApp();
  const [budget, setBudget] = useState<Budget | null>(null);
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    passApi.budget(programmeId).then(setBudget, (error) => setProblem(toProblem(error, t)));
  }, [programmeId]);
  const save = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    const amountCents = toCents(amount);
    if (amountCents === null || !budget) {
      setProblem(localProblem([{ field: 'amountCents', code: 'invalid-input', message: t('pass.amountHint') }]));
      return;
    }
    try {
      setBudget(await passApi.setBudget(programmeId, amountCents, budget.version));
      setAmount('');
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  const euros = (cents: number) => formatCents(cents, language);
  return (
    <section class="card pass-budget" data-testid="pass-budget">
      <h2>{t('pass.budgetTitle')}</h2>
      <FormError problem={problem} placed={['amountCents']} />
      {budget && (
        <>
          <dl class="summary-list">
            <dt>{t('pass.budget')}</dt>
            <dd data-testid="pass-budget-amount">{euros(budget.amountCents)}</dd>
            <dt>{t('pass.committed')}</dt>
            <dd data-testid="pass-committed">{euros(budget.committedCents)}</dd>
            <dt>{t('pass.spent')}</dt>
            <dd data-testid="pass-spent">{euros(budget.spentCents)}</dd>
            <dt>{t('pass.available')}</dt>
            <dd data-testid="pass-available">{euros(budget.availableCents)}</dd>
            <dt>{t('pass.vouchers')}</dt>
            <dd>{t('pass.vouchersCount', { issued: budget.vouchersIssued, used: budget.vouchersUsed })}</dd>
            <dt>{t('pass.perPerson')}</dt>
            <dd>{t('pass.perPersonValue', { amount: euros(budget.spentPerPersonCents), people: budget.people })}</dd>
          </dl>
          <h3>{t('pass.byMonth')}</h3>
          <table class="table">
            <tbody>
              {budget.months.map((month) => (
                <tr key={month.month}>
                  <td>{formatMonth(month.month, language)}</td>
                  <td>{euros(month.spentCents)}</td>
                  <td>{t('pass.monthPeople', { claims: month.claims, people: month.people })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('pass.byPerson')}</h3>
          <table class="table">
            <tbody>
              {budget.perPerson.map((person, index) => (
                <tr key={index}>
                  <td dir="ltr">{person.patientCode ? displayCode(person.patientCode) : t('app.none')}</td>
                  <td>{euros(person.spentCents)}</td>
                  <td>{person.vouchers}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form onSubmit={save}>
            <TextField id="pass-budget-input" label={t('pass.setBudget')} hint={t('pass.amountHint')} value={amount} onInput={setAmount} problem={problem} path="amountCents" />
            <button type="submit" class="button" data-testid="pass-budget-save">
              {t('pass.saveBudget')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
