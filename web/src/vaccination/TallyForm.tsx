import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { vaccinationApi, type Campaign } from './vaccinationApi';

const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;
const AGE_GROUPS = ['00-04', '05-14', '15-17', '18+', 'UNKNOWN'] as const;

/** Doses given without registering the persons, counted by sex and age group at the user's site today. */
export function TallyForm({ campaign, onCounted }: { campaign: Campaign; onCounted: () => void }) {
  const { t, session } = useApp();
  const sites = [...new Set(campaign.targets.map((target) => target.siteId))];
  const [siteId, setSiteId] = useState(sites.includes(session?.currentSite?.id ?? '') ? (session?.currentSite?.id ?? '') : (sites[0] ?? ''));
  const [sex, setSex] = useState<(typeof SEXES)[number]>('FEMALE');
  const [ageGroup, setAgeGroup] = useState<(typeof AGE_GROUPS)[number]>('00-04');
  const [people, setPeople] = useState('1');
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    try {
      await vaccinationApi.tally(campaign.id, { id: uuidv7(), siteId, sex, ageGroup, people: Number.parseInt(people, 10) || 0 });
      setPeople('1');
      onCounted();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  const siteName = (id: string) => session?.sites.find((site) => site.id === id)?.name ?? id.slice(0, 8);
  return (
    <form class="campaign-tally" onSubmit={submit} noValidate>
      <h2>{t('campaign.tally')}</h2>
      <FormError problem={problem} />
      <div class="field">
        <label for="tally-site">{t('campaign.site')}</label>
        <select id="tally-site" value={siteId} onChange={(event) => setSiteId(event.currentTarget.value)}>
          {sites.map((site) => (
            <option key={site} value={site}>
              {siteName(site)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="tally-sex">{t('campaign.sex')}</label>
        <select id="tally-sex" value={sex} onChange={(event) => setSex(event.currentTarget.value as (typeof SEXES)[number])}>
          {SEXES.map((one) => (
            <option key={one} value={one}>
              {t(`sex.${one}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="tally-age">{t('campaign.ageGroup')}</label>
        <select id="tally-age" value={ageGroup} onChange={(event) => setAgeGroup(event.currentTarget.value as (typeof AGE_GROUPS)[number])}>
          {AGE_GROUPS.map((one) => (
            <option key={one} value={one}>
              {one === 'UNKNOWN' ? t('campaign.ageUnknown') : one}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="tally-people">{t('campaign.people')}</label>
        <input id="tally-people" type="number" min={1} inputMode="numeric" value={people} onInput={(event) => setPeople(event.currentTarget.value)} />
      </div>
      <button type="submit" class="button">
        {t('campaign.count')}
      </button>
    </form>
  );
}
