import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { OffersPanel } from './OffersPanel';
import { explain } from './shelterFigures';
import { sheltersApi, type PendingOffer, type RankedRequest } from './sheltersApi';

/**
 * The waiting list by need: each request's rank, its score and every reason for it, and a place to
 * offer; above it, the offers awaiting an answer.
 */
export function WaitingListPanel({ siteId, onChanged }: { siteId: string; onChanged?: () => void }) {
  const { t } = useApp();
  const [ranking, setRanking] = useState<RankedRequest[] | null>(null);
  const [offers, setOffers] = useState<PendingOffer[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      const [ranked, pending] = await Promise.all([sheltersApi.waitingList(siteId), sheltersApi.pendingOffers(siteId)]);
      setRanking(ranked);
      setOffers(pending);
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  useEffect(() => {
    load();
  }, [siteId]);

  const changed = () => {
    load();
    onChanged?.();
  };

  const offer = async (request: string) => {
    setProblem(null);
    setBusy(true);
    try {
      await sheltersApi.offer(request, null);
      changed();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  if (!ranking) return problem ? <FormError problem={problem} /> : null;
  return (
    <>
      <OffersPanel offers={offers} onChanged={changed} />
      <section class="bed-board-room" data-testid="waiting-list">
        <h2>{t('shelter.waitingList')}</h2>
        <FormError problem={problem} />
        {ranking.length === 0 && <p class="empty">{t('shelter.noneWaiting')}</p>}
        <ol class="bed-board-beds">
          {ranking.map((ranked) => (
            <li key={ranked.request.id} class="bed-row" data-testid="waiting-request">
              <span class="bed-label">{ranked.rank}</span>
              <span class="bed-who">
                <bdi>{ranked.chosenName ?? t('shelter.anonymous')}</bdi>
                <span class="bed-age"> · {t('shelter.score', { score: ranked.score })}</span>
                <span class="waiting-why" data-testid="waiting-why">
                  {explain(ranked.reasons)
                    .map((reason) =>
                      t('shelter.reason', {
                        criterion:
                          reason.criterion === 'DAYS_WAITED'
                            ? t('shelter.daysWaited', { days: ranked.daysWaited })
                            : t(enumKey('shelter.criterion', reason.criterion)),
                        points: reason.points,
                      }),
                    )
                    .join(' · ')}
                </span>
              </span>
              <button type="button" class="mark" disabled={busy} onClick={() => offer(ranked.request.id)} data-testid="offer-place">
                {t('shelter.offerPlace')}
              </button>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
