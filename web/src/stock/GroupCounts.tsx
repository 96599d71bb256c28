import { useApp } from '../appContext';

export interface CountRow {
  sex: string;
  ageGroup: string;
  people: string;
}

const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;
const AGE_GROUPS = ['00-04', '05-14', '15-17', '18+', 'UNKNOWN'];

/** The head counts of a group distribution by sex and age group: numbers, never names. */
export function GroupCounts({ counts, onChange }: { counts: CountRow[]; onChange: (counts: CountRow[]) => void }) {
  const { t } = useApp();
  const set = (index: number, change: Partial<CountRow>) =>
    onChange(counts.map((count, at) => (at === index ? { ...count, ...change } : count)));
  return (
    <fieldset class="stock-counts" data-testid="distribute-counts">
      <legend>{t('distribute.counts')}</legend>
      {counts.map((count, index) => (
        <div class="field-row" key={index} data-testid="distribute-count-row">
          <div class="field">
            <label for={`count-sex-${index}`}>{t('distribute.sex')}</label>
            <select id={`count-sex-${index}`} value={count.sex} onChange={(event) => set(index, { sex: event.currentTarget.value })} data-testid="distribute-count-sex">
              {SEXES.map((sex) => (
                <option key={sex} value={sex}>
                  {t(`distribute.sex.${sex}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`count-age-${index}`}>{t('distribute.ageGroup')}</label>
            <select id={`count-age-${index}`} value={count.ageGroup} onChange={(event) => set(index, { ageGroup: event.currentTarget.value })} data-testid="distribute-count-age">
              {AGE_GROUPS.map((group) => (
                <option key={group} value={group}>
                  {group === 'UNKNOWN' ? t('distribute.ageUnknown') : group === '18+' ? t('distribute.adults') : t('distribute.ageRange', { from: group.slice(0, 2), to: group.slice(3) })}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`count-people-${index}`}>{t('distribute.people')}</label>
            <input id={`count-people-${index}`} type="number" min="1" value={count.people} onInput={(event) => set(index, { people: event.currentTarget.value })} data-testid="distribute-count-people" />
          </div>
        </div>
      ))}
      <button type="button" class="button" onClick={() => onChange([...counts, { sex: 'MALE', ageGroup: '18+', people: '' }])} data-testid="distribute-add-count">
        {t('distribute.addCount')}
      </button>
    </fieldset>
  );
}
