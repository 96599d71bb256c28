import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { caresForPeople, hasRole, useApp } from '../appContext';
import { AccessLog } from '../components/AccessLog';
import { ClinicalSummary } from '../components/ClinicalSummary';
import { ConsultationHistory } from '../components/ConsultationHistory';
import { ErasePerson } from '../components/ErasePerson';
import { FollowUpSection } from '../components/FollowUpSection';
import { MergeRecords } from '../components/MergeRecords';
import { ExportPersonalData } from '../components/ExportPersonalData';
import { LoadFailed, Loading } from '../components/Loading';
import { EmergencyAccessForm, OutsideScope } from '../components/OutsideScope';
import { PatientCardSection } from '../components/PatientCardSection';
import { describeBirth, formatDateTime } from '../format';
import { formatPatientCode } from '../patientCode';
import { toProblem } from '../problems';
import { countryName, languageName } from '../referenceLists';
import { ReferralsSection } from '../referrals/ReferralsSection';
import { StaysSection } from '../shelters/StaysSection';
import { VaccinationSection } from '../vaccination/VaccinationSection';
import { RightsSection } from '../rights/RightsSection';
import { PassSection } from '../passdeville/PassSection';
import { navigate } from '../router';
import type { Consultation, Person, Problem } from '../types';

interface Loaded {
  person: Person;
  consultations: Consultation[];
  siteNames: Map<string, string>;
}

/** A person's record and the history of their consultations. */
export function PersonScreen({ personId }: { personId: string }) {
  const { session, t, language } = useApp();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [outsideScope, setOutsideScope] = useState(false);
  const readsCare = caresForPeople(session);

  const load = async () => {
    setProblem(null);
    setOutsideScope(false);
    try {
      const [person, consultations, sites] = await Promise.all([
        api.person(personId),
        readsCare ? api.consultations(personId) : Promise.resolve([]),
        api.sites().catch(() => session?.sites ?? []),
      ]);
      setLoaded({ person, consultations, siteNames: new Map(sites.map((site) => [site.id, site.name])) });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'person-outside-scope') {
        setOutsideScope(true);
      } else {
        setProblem(toProblem(error, t));
      }
    }
  };

  useEffect(() => {
    load();
  }, [personId]);

  if (outsideScope) return <OutsideScope personId={personId} onOpened={load} />;
  if (problem) return <LoadFailed problem={problem} onRetry={load} />;
  if (!loaded) return <Loading />;
  const { person, consultations, siteNames } = loaded;
  const birth = describeBirth(person.birthDate, person.age, t, language);

  return (
    <>
      {person.emergencyAccessUntil && (
        <p class="notice" role="status" data-testid="emergency-banner">
          {t('emergency.banner', { until: formatDateTime(person.emergencyAccessUntil, language) })}
        </p>
      )}
      <section class="card person-card">
        <div class="person-head">
          <h1 data-testid="person-name" dir="auto">
            {person.chosenName}
          </h1>
          <p class="patient-code big" dir="ltr" data-testid="person-code">
            {formatPatientCode(person.patientCode)}
          </p>
        </div>
        {person.flags.length > 0 && (
          <ul class="flags" aria-label={t('person.flags')}>
            {person.flags.map((flag) => (
              <li key={flag} class="flag" data-testid="person-flag">
                {t(`flag.${flag}`)}
              </li>
            ))}
          </ul>
        )}
        <dl class="facts">
          {person.otherNames.length > 0 && (
            <Fact label={t('person.otherNames')}>
              <ul class="plain-list" data-testid="person-other-names">
                {person.otherNames.map((other, index) => (
                  <li key={index}>
                    <span dir="auto">{other.name}</span>{' '}
                    <span class="muted">({t(`nameKind.${other.kind}`)})</span>
                  </li>
                ))}
              </ul>
            </Fact>
          )}
          <Fact label={t('person.sex')}>{t(`sex.${person.sex}`)}</Fact>
          <Fact label={t('person.birthDate')}>
            <span data-testid="person-birth">{birth || t('person.birthUnknown')}</span>
          </Fact>
          {person.languages.length > 0 && (
            <Fact label={t('person.languages')}>{person.languages.map((code) => languageName(code, t)).join(', ')}</Fact>
          )}
          {person.countryOfOrigin && (
            <Fact label={t('person.country')}>{countryName(person.countryOfOrigin, t)}</Fact>
          )}
          {person.phone && (
            <Fact label={t('person.phone')}>
              <span dir="ltr">{person.phone}</span>
            </Fact>
          )}
          <Fact label={t('person.registeredAt')}>
            {siteNames.get(person.registeredSiteId) ?? t('history.unknownSite')}
          </Fact>
        </dl>
        {readsCare && (
        <div class="actions">
          <button
            type="button"
            class="button secondary"
            onClick={() => navigate(`/people/${person.id}/edit`)}
            data-testid="person-edit"
          >
            {t('person.edit')}
          </button>
          <button
            type="button"
            class="button primary"
            onClick={() => navigate(`/people/${person.id}/encounters/new`)}
            data-testid="new-consultation"
          >
            {t('consultation.new')}
          </button>
        </div>
        )}
      </section>

      {readsCare && <ClinicalSummary key={person.emergencyAccessUntil ?? ''} personId={person.id} />}

      {readsCare && <PatientCardSection personId={person.id} />}

      {readsCare && <FollowUpSection personId={person.id} />}

      {readsCare && <ReferralsSection personId={person.id} languages={person.languages} />}

      {readsCare && <RightsSection personId={person.id} />}
      {readsCare && hasRole(session, 'SOCIAL_LEGAL_WORKER', 'COORDINATOR') && <PassSection personId={person.id} />}

      {readsCare && <StaysSection personId={person.id} siteNames={siteNames} />}

      {readsCare && <VaccinationSection personId={person.id} />}

      {readsCare && (
        <section class="card">
          <h2>{t('history.title')}</h2>
          <ConsultationHistory consultations={consultations} siteNames={siteNames} />
          {!person.emergencyAccessUntil && <EmergencyAccessForm personId={person.id} onOpened={load} />}
        </section>
      )}

      {hasRole(session, 'DATA_OFFICER', 'ADMINISTRATOR') && (
        <section class="card">
          <AccessLog recordId={person.id} />
          <ExportPersonalData personId={person.id} />
          {hasRole(session, 'DATA_OFFICER') && <MergeRecords personId={person.id} onChanged={load} />}
          <ErasePerson personId={person.id} />
        </section>
      )}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
