import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { hasRole, useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { Loading } from '../components/Loading';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { PersonSummary, Problem } from '../types';
import { CampaignForm } from './CampaignForm';
import { CoverageTable } from './CoverageTable';
import { TallyForm } from './TallyForm';
import { vaccinationApi, type Campaign, type Coverage, type Dose, type Vaccine } from './vaccinationApi';
import { nextDose, vaccineName } from './vaccinationModel';
import './vaccination.css';

const REFRESH_MS = 15_000;

/**
 * A campaign at its site, on a phone: the live coverage, the people search of the registry (the
 * same spelling-tolerant search as everywhere) and a dose recorded in two taps — the person, then
 * their next dose — and the doses counted without names where registration is not possible.
 */
export function CampaignScreen() {
  const { t, language, session } = useApp();
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [vaccines, setVaccines] = useState<Vaccine[]>([]);
  const [campaignId, setCampaignId] = useState('');
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PersonSummary[]>([]);
  const [chosen, setChosen] = useState<{ person: PersonSummary; doses: Dose[] } | null>(null);
  const [lot, setLot] = useState('');
  const [recorded, setRecorded] = useState<string | null>(null);

  const loadCampaigns = async () => {
    try {
      const [all, catalogue] = await Promise.all([vaccinationApi.campaigns(), vaccinationApi.vaccines()]);
      setCampaigns(all);
      setVaccines(catalogue);
      setCampaignId((current) => current || all[0]?.id || '');
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  useEffect(() => {
    loadCampaigns();
  }, []);

  const refresh = async () => {
    if (!campaignId) return;
    try {
      setCoverage(await vaccinationApi.coverage(campaignId));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [campaignId]);

  const campaign = campaigns?.find((one) => one.id === campaignId);
  const vaccine = vaccines.find((one) => one.code === campaign?.vaccineCode);

  const search = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setChosen(null);
    try {
      setFound((await api.searchPeople({ query, limit: 8 })).filter((one) => one.inScope));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  const choose = async (person: PersonSummary) => {
    setProblem(null);
    setRecorded(null);
    try {
      setChosen({ person, doses: await vaccinationApi.ofPerson(person.id) });
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  const record = async (number: number) => {
    if (!chosen || !campaign) return;
    setProblem(null);
    try {
      await vaccinationApi.record({
        id: uuidv7(),
        personId: chosen.person.id,
        vaccineCode: campaign.vaccineCode,
        doseNumber: number,
        campaignId: campaign.id,
        lot: lot.trim() || undefined,
      });
      setRecorded(chosen.person.chosenName);
      setChosen(null);
      setFound([]);
      setQuery('');
      await refresh();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  if (!campaigns) return <Loading />;
  const next = chosen && vaccine ? nextDose(vaccine, chosen.doses) : null;

  return (
    <section class="card campaign" data-testid="campaign">
      <h1>{t('campaign.title')}</h1>
      <FormError problem={problem} />
      {campaigns.length === 0 ? (
        <p class="empty">{t('campaign.none')}</p>
      ) : (
        <div class="field">
          <label for="campaign-choice">{t('campaign.choose')}</label>
          <select id="campaign-choice" value={campaignId} onChange={(event) => setCampaignId(event.currentTarget.value)}>
            {campaigns.map((one) => (
              <option key={one.id} value={one.id}>
                {one.name} — {vaccineName(vaccines, one.vaccineCode, language)}
              </option>
            ))}
          </select>
        </div>
      )}
      {coverage && <CoverageTable coverage={coverage} />}
      {campaign && hasRole(session, 'CLINICIAN') && (
        <>
          <h2>{t('campaign.vaccinate')}</h2>
          <div class="field">
            <label for="campaign-lot">
              {t('vaccination.lot')} <span class="hint">({t('app.optional')})</span>
            </label>
            <input id="campaign-lot" value={lot} maxLength={60} onInput={(event) => setLot(event.currentTarget.value)} />
          </div>
          <form class="search-form" onSubmit={search} role="search">
            <label for="campaign-search">{t('campaign.findPerson')}</label>
            <input id="campaign-search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} data-testid="campaign-search" />
            <button type="submit" class="button" data-testid="campaign-search-submit">
              {t('search.submit')}
            </button>
          </form>
          {recorded && (
            <p class="notice" role="status" data-testid="dose-recorded">
              {t('campaign.recorded')}
            </p>
          )}
          <ul class="campaign-people">
            {found.map((person) => (
              <li key={person.id}>
                <span>{person.chosenName}</span>
                {chosen?.person.id === person.id ? (
                  next === null ? (
                    <span>{t('campaign.complete')}</span>
                  ) : (
                    <button type="button" class="button primary" onClick={() => record(next)} data-testid="campaign-record">
                      {t('campaign.recordDose', { number: next })}
                    </button>
                  )
                ) : (
                  <button type="button" class="button" onClick={() => choose(person)} data-testid="campaign-person">
                    {t('campaign.choosePerson')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {campaign && hasRole(session, 'CLINICIAN', 'COORDINATOR') && <TallyForm campaign={campaign} onCounted={refresh} />}
      {hasRole(session, 'COORDINATOR', 'ADMINISTRATOR') && <CampaignForm vaccines={vaccines} onCreated={loadCampaigns} />}
    </section>
  );
}
