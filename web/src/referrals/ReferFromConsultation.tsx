import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { ReferForm } from './ReferForm';

/** "Refer" under a consultation: the referral keeps the consultation it came from. */
export function ReferFromConsultation({ personId, encounterId }: { personId: string; encounterId: string }) {
  const { t } = useApp();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <p class="success" role="status" data-testid="referred">
        {t('referrals.referred')}
      </p>
    );
  }
  return open ? (
    <ReferForm personId={personId} encounterId={encounterId} onReferred={() => setDone(true)} />
  ) : (
    <button type="button" class="button secondary" onClick={() => setOpen(true)} data-testid="refer-from-consultation">
      {t('referrals.new')}
    </button>
  );
}
