// The follow-ups due of the shelter's residents tonight, for its staff: whom to remind of a visit
// tonight. The server keeps to the files the user reaches and the compartments their role opens.
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { StandingBadge } from '../components/FollowUpSection';
import { LoadFailed, Loading } from '../components/Loading';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import { navigate } from '../router';
import type { Problem } from '../types';
import { sheltersApi, type BedBoard, type ResidentFollowUp } from './sheltersApi';

export function FollowUpsDuePanel({ board }: { board: BedBoard }) {
  const { t } = useApp();
  const [due, setDue] = useState<ResidentFollowUp[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = async () => {
    setProblem(null);
    try {
      setDue(await sheltersApi.followUpsDue(board.siteId));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, [board.siteId, board.night]);

  const names = new Map(
    board.rooms.flatMap((room) => room.beds.flatMap((bed) => (bed.resident ? [[bed.resident.stayId, bed.resident.chosenName]] : []))),
  );

  return (
    <section class="bed-board-room" data-testid="shelter-follow-ups">
      <h2>{t('shelter.followUpsDue')}</h2>
      {problem && <LoadFailed problem={problem} onRetry={() => load()} />}
      {!problem && !due && <Loading />}
      {due?.length === 0 && <p class="empty">{t('shelter.followUpsNone')}</p>}
      <ul class="bed-board-beds">
        {due?.map(({ stayId, followUp }) => (
          <li key={followUp.id} class="bed-row" data-testid="shelter-follow-up">
            <a
              href={`/people/${followUp.personId}`}
              onClick={(event) => {
                event.preventDefault();
                navigate(`/people/${followUp.personId}`);
              }}
            >
              <bdi>{names.get(stayId) ?? ''}</bdi>
            </a>
            <span> · {t(enumKey('followUp.programme', followUp.programme))} </span>
            <StandingBadge followUp={followUp} />
          </li>
        ))}
      </ul>
    </section>
  );
}
