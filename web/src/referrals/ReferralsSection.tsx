import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { ReferForm } from './ReferForm';
import { ReferralCard } from './ReferralCard';
import { referralsApi, type Referral } from './referralsApi';
import { summaryLanguage } from './referralsModel';
import './referrals.css';

/** A person's referrals on their page, with the form to refer them to a service of the directory. */
export function ReferralsSection({ personId, languages }: { personId: string; languages: readonly string[] }) {
  const { t } = useApp();
  const [referrals, setReferrals] = useState<Referral[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [referring, setReferring] = useState(false);

  const load = async () => {
    try {
      setReferrals(await referralsApi.ofPerson(personId));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  useEffect(() => {
    load();
  }, [personId]);

  return (
    <section class="card referrals" data-testid="referrals">
      <h2>{t('referrals.title')}</h2>
      <FormError problem={problem} />
      {referrals && referrals.length === 0 && <p class="empty">{t('referrals.none')}</p>}
      <ul class="plain-list">
        {referrals?.map((referral) => (
          <ReferralCard key={referral.id} referral={referral} summaryLanguage={summaryLanguage(languages)} onChanged={load} />
        ))}
      </ul>
      {referring ? (
        <ReferForm
          personId={personId}
          onReferred={() => {
            setReferring(false);
            load();
          }}
        />
      ) : (
        <button type="button" class="button primary" onClick={() => setReferring(true)} data-testid="refer">
          {t('referrals.new')}
        </button>
      )}
    </section>
  );
}
