import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { formatDateTime } from '../format';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { REFUSAL_REASONS, sheltersApi, type PendingOffer, type RefusalReason } from './sheltersApi';

/**
 * The offers awaiting an answer, with the days the request waited: accepted (the person is then
 * expected on the board) or refused with a reason (the request goes back on the list).
 */
export function OffersPanel({ offers, onChanged }: { offers: PendingOffer[]; onChanged: () => void }) {
  const { t } = useApp();
  if (offers.length === 0) return null;
  return (
    <section class="bed-board-room" data-testid="pending-offers">
      <h2>{t('shelter.offersPending')}</h2>
      <ul class="bed-board-beds">
        {offers.map((pending) => (
          <OfferRow key={pending.offer.id} pending={pending} onChanged={onChanged} />
        ))}
      </ul>
    </section>
  );
}

function OfferRow({ pending, onChanged }: { pending: PendingOffer; onChanged: () => void }) {
  const { t, language } = useApp();
  const [refusal, setRefusal] = useState<RefusalReason>('FOUND_ELSEWHERE');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const { offer } = pending;

  const reply = async (answer: 'ACCEPTED' | 'REFUSED') => {
    setProblem(null);
    setBusy(true);
    try {
      await sheltersApi.reply(offer.id, answer, answer === 'REFUSED' ? refusal : null, offer.version);
      onChanged();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="bed-row" data-testid="pending-offer">
      <span class="bed-who">
        <bdi>{pending.chosenName ?? t('shelter.anonymous')}</bdi>
        <span class="waiting-why">
          {formatDateTime(offer.offeredAt, language)} · {t('shelter.daysWaited', { days: offer.daysWaited })}
        </span>
      </span>
      <FormError problem={problem} />
      <span class="bed-marks">
        <button type="button" class="mark" disabled={busy} onClick={() => reply('ACCEPTED')} data-testid="offer-accept">
          {t('shelter.offerAccepted')}
        </button>
        <select
          aria-label={t('shelter.refusalReason')}
          value={refusal}
          onChange={(event) => setRefusal(event.currentTarget.value as RefusalReason)}
          data-testid="offer-refusal-reason"
        >
          {REFUSAL_REASONS.map((one) => (
            <option key={one} value={one}>
              {t(enumKey('shelter.refusal', one))}
            </option>
          ))}
        </select>
        <button type="button" class="mark" disabled={busy} onClick={() => reply('REFUSED')} data-testid="offer-refuse">
          {t('shelter.offerRefused')}
        </button>
      </span>
    </li>
  );
}
