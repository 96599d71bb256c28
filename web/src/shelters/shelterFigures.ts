// Figures the shelter screens show, computed from the API's answers: occupancy rates and the words
// that explain a waiting list's rank. Kept apart from the screens so that they are tested alone.
import type { BedBoard, NightOccupancy, RankReason } from './sheltersApi';

/** Occupancy of a run of nights in whole percent: nights slept over beds open; null with no bed open. */
export function occupancyRate(nights: readonly NightOccupancy[]): number | null {
  const capacity = nights.reduce((sum, night) => sum + night.capacity, 0);
  if (capacity === 0) return null;
  const slept = nights.reduce((sum, night) => sum + night.slept, 0);
  return Math.round((100 * slept) / capacity);
}

/** The nights [from, until) as ISO dates, `days` nights ending with `tonight` included. */
export function lastNights(tonight: string, days: number): { from: string; until: string } {
  const end = new Date(`${tonight}T00:00:00Z`);
  const start = new Date(end);
  start.setUTCDate(end.getUTCDate() - (days - 1));
  end.setUTCDate(end.getUTCDate() + 1);
  return { from: start.toISOString().slice(0, 10), until: end.toISOString().slice(0, 10) };
}

/** A rank's reasons, the largest first, with the points they add; reasons that add nothing left out. */
export function explain(reasons: readonly RankReason[]): RankReason[] {
  return reasons.filter((reason) => reason.points > 0).sort((a, b) => b.points - a.points);
}

/** The night `days` nights after `night` (ISO dates; before it when negative). */
export function nightAfter(night: string, days: number): string {
  const date = new Date(`${night}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The board's beds a resident may be moved to or admitted in tonight: the free ones, by room. */
export function freeBeds(board: BedBoard): { id: string; label: string; room: string }[] {
  return board.rooms.flatMap((room) =>
    room.beds.filter((bed) => bed.state === 'FREE').map((bed) => ({ id: bed.id, label: bed.label, room: room.name })),
  );
}
