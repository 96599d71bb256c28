import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { formatDate } from '../format';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { sheltersApi, type ShelterRequest, type ShelterStay } from './sheltersApi';
import './shelters.css';

/**
 * A person's stays in shelters (where, from which night, why, until when and to where) and their
 * requests on shelters' waiting lists, on their page. Shown only when there is something to show.
 */
export function StaysSection({ personId, siteNames }: { personId: string; siteNames: Map<string, string> }) {
  const { t, language } = useApp();
  const [stays, setStays] = useState<ShelterStay[] | null>(null);
  const [requests, setRequests] = useState<ShelterRequest[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    Promise.all([sheltersApi.staysOf(personId), sheltersApi.requestsOf(personId)])
      .then(([read, asked]) => {
        setStays(read);
        setRequests(asked);
      })
      .catch((error) => setProblem(toProblem(error, t)));
  }, [personId]);

  if (problem) return <FormError problem={problem} />;
  if (!stays || (stays.length === 0 && requests.length === 0)) return null;
  const site = (id: string) => siteNames.get(id) ?? t('history.unknownSite');
  return (
    <section class="card" data-testid="person-stays">
      <h2>{t('shelter.stays')}</h2>
      <ul class="plain-list">
        {stays.map((stay) => (
          <li key={stay.id} data-testid="person-stay">
            <strong>
              <bdi>{site(stay.siteId)}</bdi>
            </strong>{' '}
            {t('shelter.stayFrom', { date: formatDate(stay.admittedOn, language) })}
            {stay.dischargedOn
              ? ` · ${t('shelter.stayUntil', { date: formatDate(stay.dischargedOn, language) })}`
              : ` · ${t('shelter.stayOngoing')}`}
            {stay.destination && ` · ${t(enumKey('shelter.destination', stay.destination))}`}
            <span class="waiting-why">
              {t(enumKey('shelter.admissionReason', stay.reason))} · {t(enumKey('shelter.mode', stay.mode))}
              {stay.plannedNights != null && ` · ${t('shelter.plannedCount', { count: stay.plannedNights })}`}
            </span>
          </li>
        ))}
        {requests.map((request) => (
          <li key={request.id} data-testid="person-request">
            <strong>
              <bdi>{site(request.siteId)}</bdi>
            </strong>{' '}
            {t('shelter.requestOn', { date: formatDate(request.requestedOn, language) })} ·{' '}
            {t(enumKey('shelter.requestStatus', request.status))}
            {request.criteria.length > 0 && (
              <span class="waiting-why">
                {request.criteria.map((one) => t(enumKey('shelter.criterion', one))).join(' · ')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
