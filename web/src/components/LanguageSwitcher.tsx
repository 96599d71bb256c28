import { useApp } from '../appContext';
import { LANGUAGES } from '../i18n';

/** Three buttons, each labelled in its own language, on every screen. */
export function LanguageSwitcher() {
  const { language, setLanguage, t } = useApp();
  return (
    <div class="language-switcher" role="group" aria-label={t('lang.label')}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          class={code === language ? 'lang-button active' : 'lang-button'}
          lang={code}
          aria-pressed={code === language}
          data-testid={`lang-${code}`}
          onClick={() => setLanguage(code)}
        >
          {t(`lang.${code}`)}
        </button>
      ))}
    </div>
  );
}
