import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { vaccinationApi, type Vaccine } from './vaccinationApi';

const AGE_GROUPS = ['00-04', '05-14', '15-17', '18+'] as const;

/** A coordinator sets a campaign at the current site: the vaccine, its dates and the target per age group. */
export function CampaignForm({ vaccines, onCreated }: { vaccines: readonly Vaccine[]; onCreated: () => void }) {
  const { t, language, session } = useApp();
  const [name, setName] = useState('');
  const [vaccine, setVaccine] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const site = session?.currentSite?.id;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!site) return;
    setProblem(null);
    try {
      await vaccinationApi.createCampaign({
        id: uuidv7(),
        name,
        vaccineCode: vaccine,
        startsOn,
        endsOn,
        targets: AGE_GROUPS.filter((group) => targets[group]).map((group) => ({
          siteId: site,
          ageGroup: group,
          people: Number.parseInt(targets[group] ?? '0', 10) || 0,
        })),
      });
      setName('');
      setTargets({});
      onCreated();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  return (
    <details class="campaign-new">
      <summary>{t('campaign.new')}</summary>
      <form class="vaccination-form" onSubmit={submit} noValidate>
        <FormError problem={problem} />
        <div class="field">
          <label for="campaign-name">{t('campaign.name')}</label>
          <input id="campaign-name" value={name} maxLength={120} onInput={(event) => setName(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="campaign-vaccine">{t('vaccination.vaccine')}</label>
          <select id="campaign-vaccine" value={vaccine} onChange={(event) => setVaccine(event.currentTarget.value)}>
            <option value="">{t('app.choose')}</option>
            {vaccines.map((one) => (
              <option key={one.code} value={one.code}>
                {one.names[language] ?? one.code}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="campaign-start">{t('campaign.startsOn')}</label>
          <input id="campaign-start" type="date" value={startsOn} onInput={(event) => setStartsOn(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="campaign-end">{t('campaign.endsOn')}</label>
          <input id="campaign-end" type="date" value={endsOn} onInput={(event) => setEndsOn(event.currentTarget.value)} />
        </div>
        {AGE_GROUPS.map((group) => (
          <div class="field" key={group}>
            <label for={`campaign-target-${group}`}>{t('campaign.targetOf', { group })}</label>
            <input
              id={`campaign-target-${group}`}
              type="number"
              min={0}
              inputMode="numeric"
              value={targets[group] ?? ''}
              onInput={(event) => setTargets({ ...targets, [group]: event.currentTarget.value })}
            />
          </div>
        ))}
        <button type="submit" class="button primary" disabled={!site || !vaccine || !name.trim()}>
          {t('campaign.create')}
        </button>
      </form>
    </details>
  );
}
