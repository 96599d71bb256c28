import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { explain } from './shelterFigures';
import { sheltersApi, type RankedRequest } from './sheltersApi';

/** The waiting list by need: each request's rank, its score and every reason for it. */
export function WaitingListPanel({ siteId }: { siteId: string }) {
  const { t } = useApp();
  const [ranking, setRanking] = useState<RankedRequest[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    sheltersApi
      .waitingList(siteId)
      .then(setRanking)
      .catch((error) => setProblem(toProblem(error, t)));
  }, [siteId]);

  if (problem) return null;
  if (!ranking) return null;
  return (
    <section class="bed-board-room" data-testid="waiting-list">
      <h2>{t('shelter.waitingList')}</h2>
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
          </li>
        ))}
      </ol>
    </section>
  );
}
