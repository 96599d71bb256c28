import { useState } from 'preact/hooks';
import { TextField } from '../admin/TextField';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { enumKey } from '../i18n';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { referralsApi, type PartnerService, type ServiceDetails } from './referralsApi';
import { NEEDS, SERVICE_KINDS } from './referralsModel';

const BLANK: ServiceDetails = {
  kind: 'PASS',
  name: '',
  languages: [],
  needs: [],
  acceptsUncovered: true,
  acceptsMinors: false,
  interpreter: false,
  closed: false,
};

type TextKey = 'name' | 'organisation' | 'address' | 'postalCode' | 'city' | 'openingHours' | 'phone' | 'email' | 'contactName' | 'checkedOn';
const TEXTS: TextKey[] = ['name', 'organisation', 'address', 'postalCode', 'city', 'openingHours', 'phone', 'email', 'contactName'];
const FLAGS = ['acceptsUncovered', 'acceptsMinors', 'interpreter', 'closed'] as const;

/** A coordinator adds an entry to the directory or changes one, at the version read. */
export function ServiceEditor({ service, onDone }: { service: PartnerService | null; onDone: () => void }) {
  const { t } = useApp();
  const [details, setDetails] = useState<ServiceDetails>(service?.details ?? BLANK);
  const [problem, setProblem] = useState<Problem | null>(null);
  const set = (change: Partial<ServiceDetails>) => setDetails((current) => ({ ...current, ...change }));
  const toggleNeed = (need: (typeof NEEDS)[number]) =>
    set({ needs: details.needs.includes(need) ? details.needs.filter((one) => one !== need) : [...details.needs, need] });

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    const cleaned = Object.fromEntries(Object.entries(details).map(([key, value]) => [key, value === '' ? undefined : value])) as ServiceDetails;
    try {
      if (service) {
        await referralsApi.changeService(service.id, service.version, cleaned);
      } else {
        await referralsApi.addService({ id: uuidv7(), details: cleaned });
      }
      onDone();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  return (
    <form class="service-editor" onSubmit={submit} data-testid="service-editor">
      <FormError problem={problem} placed={TEXTS.map((key) => `details.${key}`)} />
      <div class="field">
        <label for="service-kind">{t('directory.kindLabel')}</label>
        <select id="service-kind" value={details.kind} onChange={(event) => set({ kind: event.currentTarget.value as ServiceDetails['kind'] })}>
          {SERVICE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(enumKey('directory.kind', kind))}
            </option>
          ))}
        </select>
      </div>
      {TEXTS.map((key) => (
        <TextField key={key} id={`service-${key}`} label={t(enumKey('directory.field', key))} value={details[key] ?? ''} onInput={(value) => set({ [key]: value })} problem={problem} path={`details.${key}`} />
      ))}
      <TextField id="service-checked-on" type="date" label={t('directory.field.checkedOn')} value={details.checkedOn ?? ''} onInput={(value) => set({ checkedOn: value })} problem={problem} path="details.checkedOn" />
      <TextField
        id="service-languages"
        label={t('directory.language')}
        hint={t('directory.languagesHint')}
        value={details.languages.join(', ')}
        onInput={(value) => set({ languages: value.split(/[\s,]+/).filter(Boolean) })}
        problem={problem}
        path="details.languages"
      />
      <fieldset class="field">
        <legend>{t('directory.need')}</legend>
        {NEEDS.map((need) => (
          <label key={need} class="checkbox">
            <input type="checkbox" checked={details.needs.includes(need)} onChange={() => toggleNeed(need)} /> {t(enumKey('directory.needs', need))}
          </label>
        ))}
      </fieldset>
      {FLAGS.map((flag) => (
        <label key={flag} class="checkbox">
          <input type="checkbox" checked={details[flag]} onChange={() => set({ [flag]: !details[flag] })} /> {t(enumKey('directory.flag', flag))}
        </label>
      ))}
      <div class="actions">
        <button type="submit" class="button primary" disabled={!details.name.trim()} data-testid="service-save">
          {t('directory.save')}
        </button>
        <button type="button" class="button secondary" onClick={onDone}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
