import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { caresForPeople, hasRole, useApp } from '../appContext';
import { LoadFailed, Loading } from '../components/Loading';
import { formatDate } from '../format';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { AdmitForm } from './AdmitForm';
import { CapacityPanel } from './CapacityPanel';
import { FollowUpsDuePanel } from './FollowUpsDuePanel';
import './shelters.css';
import { ROOM_RULES, sheltersApi, type Attendance, type BedBoard, type BoardBed } from './sheltersApi';
import { PriorityRuleEditor } from './PriorityRuleEditor';
import { StayForms } from './StayForms';
import { WaitingListPanel } from './WaitingListPanel';

/**
 * The bed board of the current shelter for tonight, made for a phone at night: tonight's count,
 * free beds by room rule, each room's beds with who holds them, and one tap to mark each resident
 * present or absent; below, the waiting list with why each rank, and for the coordinator the emergency
 * beds to open and the occupancy of the last nights.
 */
export function BedBoardScreen() {
  const { t, session, language } = useApp();
  const site = session?.currentSite;
  const [board, setBoard] = useState<BedBoard | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [ruleSaves, setRuleSaves] = useState(0);

  const load = async () => {
    if (!site) return;
    setProblem(null);
    try {
      setBoard(await sheltersApi.board(site.id));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, [site?.id]);

  const mark = async (bed: BoardBed, status: Attendance) => {
    if (!bed.resident || !board) return;
    setSaving(bed.id);
    try {
      await sheltersApi.mark(bed.resident.stayId, status, board.night);
      setBoard(await sheltersApi.board(board.siteId));
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setSaving(null);
    }
  };

  const done = () => {
    setOpened(null);
    load();
  };

  if (!site || site.kind !== 'SHELTER') {
    return (
      <section class="card" data-testid="bed-board-no-shelter">
        <p class="empty">{t('shelter.notAShelter')}</p>
      </section>
    );
  }
  if (problem) return <LoadFailed problem={problem} onRetry={() => load()} />;
  if (!board) return <Loading />;

  return (
    <section class="card bed-board" data-testid="bed-board">
      <h1>{t('shelter.title', { night: formatDate(board.night, language) })}</h1>
      <dl class="bed-board-counts">
        <div>
          <dt>{t('shelter.capacity')}</dt>
          <dd data-testid="board-capacity">{board.capacity}</dd>
        </div>
        <div>
          <dt>{t('shelter.occupied')}</dt>
          <dd data-testid="board-occupied">{board.occupied}</dd>
        </div>
        <div>
          <dt>{t('shelter.present')}</dt>
          <dd data-testid="board-present">{board.present}</dd>
        </div>
        <div>
          <dt>{t('shelter.free')}</dt>
          <dd data-testid="board-free">{board.free}</dd>
        </div>
      </dl>
      {board.emergencyOpen && <p class="bed-board-emergency">{t('shelter.emergencyOpen')}</p>}
      <p class="bed-board-release">{t('shelter.releaseAt', { time: board.releaseAt.slice(0, 5) })}</p>
      <ul class="bed-board-rules">
        {ROOM_RULES.filter((rule) => (board.freeByRule?.[rule] ?? 0) > 0).map((rule) => (
          <li key={rule}>
            {t('shelter.freeByRule', { rule: t(enumKey('shelter.rule', rule)), count: board.freeByRule?.[rule] ?? 0 })}
          </li>
        ))}
      </ul>
      {board.rooms.map((room) => (
        <section key={room.id} class="bed-board-room">
          <h2>
            <bdi>{room.name}</bdi>
            {room.rules.map((rule) => (
              <span key={rule} class="bed-board-tag">
                {t(enumKey('shelter.rule', rule))}
              </span>
            ))}
          </h2>
          <ul class="bed-board-beds">
            {room.beds.map((bed) => (
              <BedRow
                key={bed.id}
                bed={bed}
                saving={saving === bed.id}
                onMark={(status) => mark(bed, status)}
                opened={opened === bed.id}
                onOpen={() => setOpened(opened === bed.id ? null : bed.id)}
              >
                {opened === bed.id && bed.resident && (
                  <StayForms board={board} resident={bed.resident} onDone={() => done()} />
                )}
                {opened === bed.id && bed.state === 'FREE' && <AdmitForm board={board} bed={bed} onDone={() => done()} />}
              </BedRow>
            ))}
          </ul>
        </section>
      ))}
      {board.expected.length > 0 && (
        <section class="bed-board-room">
          <h2>{t('shelter.expected')}</h2>
          <ul class="bed-board-beds">
            {board.expected.map((arrival) => (
              <li key={arrival.requestId} class="bed-row" data-testid="board-expected">
                <bdi>{arrival.chosenName ?? t('shelter.anonymous')}</bdi>
                {arrival.householdSize > 1 && <span> · {t('shelter.household', { count: arrival.householdSize })}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {caresForPeople(session) && <FollowUpsDuePanel board={board} />}
      <WaitingListPanel key={`${board.siteId}-${ruleSaves}`} siteId={board.siteId} onChanged={() => load()} />
      {hasRole(session, 'COORDINATOR') && (
        <PriorityRuleEditor siteId={board.siteId} onSaved={() => setRuleSaves(ruleSaves + 1)} />
      )}
      {hasRole(session, 'COORDINATOR', 'ADMINISTRATOR') && <CapacityPanel board={board} onChanged={() => load()} />}
    </section>
  );
}

interface BedRowProps {
  bed: BoardBed;
  saving: boolean;
  onMark: (status: Attendance) => void;
  opened: boolean;
  onOpen: () => void;
  children?: ComponentChildren;
}

function BedRow({ bed, saving, onMark, opened, onOpen, children }: BedRowProps) {
  const { t } = useApp();
  const resident = bed.resident;
  const actionable = resident != null || bed.state === 'FREE';
  return (
    <li class={`bed-row bed-${bed.state.toLowerCase()}`} data-testid="board-bed" data-state={bed.state}>
      <span class="bed-label">{bed.label}</span>
      <span class="bed-who">
        {resident ? (
          <>
            <bdi data-testid="board-resident">{resident.chosenName}</bdi>
            {resident.age != null && <span class="bed-age"> · {t('shelter.age', { age: resident.age })}</span>}
          </>
        ) : (
          <span>{t(enumKey('shelter.state', bed.state))}</span>
        )}
      </span>
      {resident && (
        <span class="bed-marks" role="group" aria-label={t('shelter.attendance')}>
          {(['PRESENT', 'ABSENT'] as const).map((status) => (
            <button
              key={status}
              type="button"
              class={resident.tonight === status ? 'mark chosen' : 'mark'}
              aria-pressed={resident.tonight === status}
              disabled={saving}
              data-testid={`mark-${status.toLowerCase()}`}
              onClick={() => onMark(status)}
            >
              {t(enumKey('shelter.mark', status))}
            </button>
          ))}
        </span>
      )}
      {actionable && (
        <button type="button" class="mark" aria-expanded={opened} onClick={onOpen} data-testid={resident ? 'bed-manage' : 'bed-admit'}>
          {t(resident ? 'shelter.manage' : 'shelter.admit')}
        </button>
      )}
      {children && <div class="bed-forms">{children}</div>}
    </li>
  );
}
