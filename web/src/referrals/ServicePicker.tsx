import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { enumKey } from '../i18n';
import { referralsApi, type PartnerService } from './referralsApi';
import { NEEDS, type DirectorySearch } from './referralsModel';

/** The directory searched by need, place and language; closed services are not offered. */
export function useDirectorySearch(search: DirectorySearch, refresh = 0): PartnerService[] | null {
  const [services, setServices] = useState<PartnerService[] | null>(null);
  useEffect(() => {
    const handle = setTimeout(() => referralsApi.services(search).then(setServices, () => setServices([])), 250);
    return () => clearTimeout(handle);
  }, [search.need, search.place, search.language, search.includeClosed, refresh]);
  return services;
}

/** The search criteria of the directory, shared by the referral form and the directory screen. */
export function DirectoryFilters({ search, onChange }: { search: DirectorySearch; onChange: (search: DirectorySearch) => void }) {
  const { t } = useApp();
  return (
    <div class="field-row directory-filters">
      <div class="field">
        <label for="directory-need">{t('directory.need')}</label>
        <select id="directory-need" value={search.need ?? ''} onChange={(event) => onChange({ ...search, need: event.currentTarget.value })} data-testid="directory-need">
          <option value="">{t('directory.anyNeed')}</option>
          {NEEDS.map((need) => (
            <option key={need} value={need}>
              {t(enumKey('directory.needs', need))}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="directory-place">{t('directory.place')}</label>
        <input id="directory-place" value={search.place ?? ''} onInput={(event) => onChange({ ...search, place: event.currentTarget.value })} data-testid="directory-place" />
      </div>
      <div class="field">
        <label for="directory-language">{t('directory.language')}</label>
        <input id="directory-language" dir="ltr" size={4} value={search.language ?? ''} onInput={(event) => onChange({ ...search, language: event.currentTarget.value })} />
      </div>
    </div>
  );
}
