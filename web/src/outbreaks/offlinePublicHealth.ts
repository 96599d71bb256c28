// What public-health work without network needs, kept on the device after each sync: the diseases of
// the line lists, the vaccine catalogue and the water points of the user's sites. Each is kept on its
// own: one the user may not read (a 403) leaves the others, and what was kept earlier stays.
import type { LocalStore } from '../offline/store';
import { keepVaccines } from '../vaccination/offlineDoses';
import { keepWaterPoints } from '../water/offlineReadings';
import { keepDiseases } from './offlineCases';

export async function keepPublicHealthForOffline(store: LocalStore): Promise<void> {
  await Promise.all([keepDiseases(store), keepVaccines(store), keepWaterPoints(store)].map((kept) => kept.catch(() => undefined)));
}
