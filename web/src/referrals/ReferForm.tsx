import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { enumKey } from '../i18n';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { referralsApi } from './referralsApi';
import { CONSENTS, URGENCIES, type DirectorySearch } from './referralsModel';
import { DirectoryFilters, useDirectorySearch } from './ServicePicker';

interface Props {
  personId: string;
  /** The consultation the referral is made from, if any. */
  encounterId?: string;
  /** The consultation's "referred-to" answer this referral follows up, in words. */
  fromAnswer?: string;
  onReferred: () => void;
}

/** A referral to a service of the directory: reason, urgency and the consent recorded. */
export function ReferForm({ personId, encounterId, fromAnswer, onReferred }: Props) {
  const { t } = useApp();
  const [search, setSearch] = useState<DirectorySearch>({});
  const services = useDirectorySearch(search);
  const [serviceId, setServiceId] = useState('');
  const [reason, setReason] = useState(fromAnswer ?? '');
  const [urgency, setUrgency] = useState<(typeof URGENCIES)[number]>('ROUTINE');
  const [consent, setConsent] = useState<(typeof CONSENTS)[number] | ''>('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!consent) return;
    setProblem(null);
    setBusy(true);
    try {
      if (fromAnswer && encounterId) {
        await referralsApi.turnAnswer({ id: uuidv7(), encounterId, serviceId, reason, urgency, consent });
      } else {
        await referralsApi.refer({ id: uuidv7(), personId, serviceId, reason, urgency, consent, encounterId });
      }
      setReason('');
      setServiceId('');
      onReferred();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="refer-form" onSubmit={submit} data-testid="refer-form">
      <h3>{t('referrals.new')}</h3>
      <FormError problem={problem} />
      <DirectoryFilters search={search} onChange={setSearch} />
      <div class="field">
        <label for="refer-service">{t('referrals.service')}</label>
        <select id="refer-service" value={serviceId} onChange={(event) => setServiceId(event.currentTarget.value)} data-testid="refer-service">
          <option value="">{t('app.choose')}</option>
          {services?.map((service) => (
            <option key={service.id} value={service.id}>
              {service.details.name}
              {service.details.city ? ` · ${service.details.city}` : ''} ({t(enumKey('directory.kind', service.details.kind))})
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="refer-reason">{t('referrals.reason')}</label>
        <textarea id="refer-reason" value={reason} onInput={(event) => setReason(event.currentTarget.value)} data-testid="refer-reason" />
      </div>
      <div class="field-row">
        <div class="field">
          <label for="refer-urgency">{t('referrals.urgency')}</label>
          <select id="refer-urgency" value={urgency} onChange={(event) => setUrgency(event.currentTarget.value as typeof urgency)} data-testid="refer-urgency">
            {URGENCIES.map((one) => (
              <option key={one} value={one}>
                {t(enumKey('referrals.urgencies', one))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="refer-consent">{t('referrals.consent')}</label>
          <select id="refer-consent" value={consent} onChange={(event) => setConsent(event.currentTarget.value as typeof consent)} data-testid="refer-consent">
            <option value="">{t('app.choose')}</option>
            {CONSENTS.map((one) => (
              <option key={one} value={one}>
                {t(enumKey('referrals.consents', one))}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" class="button primary" disabled={busy || !serviceId || !reason.trim() || !consent} data-testid="refer-save">
        {t('referrals.refer')}
      </button>
    </form>
  );
}
