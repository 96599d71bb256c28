import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { formatDate, today } from '../format';
import { enumKey } from '../i18n';
import { uuidv7 } from '../ids';
import type { DeviceSession } from '../offline/deviceSession';
import type { LocalPerson } from '../offline/store';
import { RefusedHere } from '../outbreaks/offlineCreation';
import type { Problem } from '../types';
import { keptServices, queueReferral, referralsHere, type ReferralHere, type ServiceKept } from './offlineReferrals';
import { CONSENTS, URGENCIES } from './referralsModel';
import './referrals.css';

const REFERRING = ['CLINICIAN', 'PSYCHOLOGIST', 'SOCIAL_LEGAL_WORKER'];

/**
 * A referral made without network on a person's page, to a service of the directory kept at the last
 * sync: the referrals waiting on this device are listed, and the new one is kept in the outbox and
 * written at the next sync, where the service, the person's file and the user's roles are checked
 * again. The letter is printed once it is synced.
 */
export function OfflineReferralSection({ device, person }: { device: DeviceSession; person: LocalPerson }) {
  const { t, language } = useApp();
  const [services, setServices] = useState<ServiceKept[]>([]);
  const [here, setHere] = useState<ReferralHere[]>([]);
  const [serviceId, setServiceId] = useState('');
  const [reason, setReason] = useState('');
  const [urgency, setUrgency] = useState<(typeof URGENCIES)[number]>('ROUTINE');
  const [consent, setConsent] = useState<(typeof CONSENTS)[number] | ''>('');
  const [sentOn, setSentOn] = useState(today());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [queued, setQueued] = useState(false);

  const load = async () => {
    setServices(await keptServices(device.store));
    setHere(await referralsHere(device.store, person.id));
  };
  useEffect(() => {
    void load();
  }, [person.id]);

  if (!device.profile.roles.some((role) => REFERRING.includes(role))) return null;
  const name = (id: string) => services.find((service) => service.id === id)?.name ?? '—';

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setQueued(false);
    try {
      await queueReferral(device, { id: uuidv7(), personId: person.id, serviceId, reason, urgency, consent, sentOn });
      setServiceId('');
      setReason('');
      setConsent('');
      setQueued(true);
      await load();
    } catch (error) {
      if (!(error instanceof RefusedHere)) throw error;
      setProblem(error.problem(t));
    }
  };

  return (
    <section class="card referrals" aria-labelledby="offline-referral-title" data-testid="offline-referrals">
      <h2 id="offline-referral-title">{t('offlineReferral.title')}</h2>
      {here.length > 0 && (
        <ul class="plain-list" data-testid="offline-referrals-here">
          {here.map((referral) => (
            <li key={referral.id}>
              {t('offlineReferral.here', { service: name(referral.serviceId), day: formatDate(referral.sentOn, language) })}
            </li>
          ))}
        </ul>
      )}
      {services.length === 0 ? (
        <p class="muted" data-testid="offline-referral-no-directory">{t('offlineReferral.noDirectory')}</p>
      ) : (
        <form class="refer-form" onSubmit={submit} noValidate>
          <FormError problem={problem} />
          {queued && <p class="success" role="status" data-testid="offline-referral-queued">{t('offlineReferral.queued')}</p>}
          <div class="field">
            <label for="offline-refer-service">{t('referrals.service')}</label>
            <select id="offline-refer-service" value={serviceId} onChange={(event) => setServiceId(event.currentTarget.value)}
              data-testid="offline-refer-service">
              <option value="">{t('app.choose')}</option>
              {services.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name}
                  {service.city ? ` · ${service.city}` : ''} ({t(enumKey('directory.kind', service.kind))})
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="offline-refer-reason">{t('referrals.reason')}</label>
            <textarea id="offline-refer-reason" value={reason} onInput={(event) => setReason(event.currentTarget.value)}
              data-testid="offline-refer-reason" />
          </div>
          <div class="field-row">
            <div class="field">
              <label for="offline-refer-urgency">{t('referrals.urgency')}</label>
              <select id="offline-refer-urgency" value={urgency} onChange={(event) => setUrgency(event.currentTarget.value as typeof urgency)}
                data-testid="offline-refer-urgency">
                {URGENCIES.map((one) => <option key={one} value={one}>{t(enumKey('referrals.urgencies', one))}</option>)}
              </select>
            </div>
            <div class="field">
              <label for="offline-refer-consent">{t('referrals.consent')}</label>
              <select id="offline-refer-consent" value={consent} onChange={(event) => setConsent(event.currentTarget.value as typeof consent)}
                data-testid="offline-refer-consent">
                <option value="">{t('app.choose')}</option>
                {CONSENTS.map((one) => <option key={one} value={one}>{t(enumKey('referrals.consents', one))}</option>)}
              </select>
            </div>
            <div class="field">
              <label for="offline-refer-date">{t('referrals.date')}</label>
              <input id="offline-refer-date" type="date" value={sentOn} max={today()} onInput={(event) => setSentOn(event.currentTarget.value)}
                data-testid="offline-refer-date" />
            </div>
          </div>
          <button type="submit" class="button primary" data-testid="offline-refer-save">{t('referrals.refer')}</button>
        </form>
      )}
    </section>
  );
}
