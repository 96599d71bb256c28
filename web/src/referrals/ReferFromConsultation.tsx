import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { describeAnswer } from '../forms/AnswersView';
import type { Answers, Field, FormDefinition } from '../forms/model';
import { ReferForm } from './ReferForm';

/** The "referred-to" answer of a consultation's form, in the user's language, if it records one. */
export function referredTo(form: FormDefinition, answers: Answers, describe: (field: Field, value: string) => string): string | undefined {
  const value = answers['referred-to'];
  if (typeof value !== 'string' || !value) return undefined;
  const field = form.sections.flatMap((section) => section.fields).find((one) => one.code === 'referred-to');
  return field ? describe(field, value) : value;
}

/**
 * "Refer" under a consultation: the referral keeps the consultation it came from. When the form
 * recorded a referral ("referred to"), the button turns that answer into a referral followed step by
 * step, once per consultation.
 */
export function ReferFromConsultation({ personId, encounterId, form, answers }: { personId: string; encounterId: string; form: FormDefinition; answers: Answers }) {
  const { t, language } = useApp();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const answer = referredTo(form, answers, (field, value) => describeAnswer(field, value, t, language));
  if (done) {
    return (
      <p class="success" role="status" data-testid="referred">
        {t('referrals.referred')}
      </p>
    );
  }
  return open ? (
    <ReferForm personId={personId} encounterId={encounterId} fromAnswer={answer} onReferred={() => setDone(true)} />
  ) : (
    <button type="button" class="button secondary" onClick={() => setOpen(true)} data-testid={answer ? 'refer-from-answer' : 'refer-from-consultation'}>
      {answer ? t('referrals.followAnswer', { answer }) : t('referrals.new')}
    </button>
  );
}
