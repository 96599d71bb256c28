import { useState } from 'preact/hooks';
import { api } from '../api';
import { hasRole, useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { Link } from '../components/Link';
import { toProblem } from '../problems';
import { navigate } from '../router';
import type { Problem, Site } from '../types';

/** The user's sites grouped by programme, one button each. */
export function SitesScreen() {
  const { session, setSession, t } = useApp();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  if (!session) return null;

  const choose = async (site: Site) => {
    setBusy(true);
    setProblem(null);
    try {
      setSession(await api.chooseSite(site.id));
      navigate('/');
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  const sites = session.sites.filter((site) => site.active);
  if (sites.length === 0) {
    return (
      <section class="card">
        <h1>{t('sites.title')}</h1>
        {hasRole(session, 'ADMINISTRATOR') ? (
          <>
            <p data-testid="no-sites">{t('sites.noneAdmin')}</p>
            <Link href="/admin" class="button primary" testId="go-admin">
              {t('sites.goToAdmin')}
            </Link>
          </>
        ) : (
          <p data-testid="no-sites">{t('sites.noneUser')}</p>
        )}
      </section>
    );
  }

  return (
    <section class="card">
      <h1>{t('sites.title')}</h1>
      <p class="intro">{t('sites.intro')}</p>
      <FormError problem={problem} />
      {groupByProgramme(sites).map(([programme, programmeSites]) => (
        <section key={programme} class="site-group">
          <h2>{programme}</h2>
          <ul class="site-list">
            {programmeSites.map((site) => (
              <li key={site.id} class="site-item">
                <button
                  type="button"
                  class={site.id === session.currentSite?.id ? 'site-option current' : 'site-option'}
                  disabled={busy}
                  aria-describedby={`site-meta-${site.id}`}
                  data-testid="site-option"
                  data-site-id={site.id}
                  onClick={() => choose(site)}
                >
                  {site.name}
                </button>
                <span class="site-meta" id={`site-meta-${site.id}`}>
                  {t(`siteKind.${site.kind}`)}
                  {site.city ? ` · ${site.city}` : ''}
                  {site.id === session.currentSite?.id ? ` · ${t('sites.current')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

export function groupByProgramme(sites: Site[]): Array<[string, Site[]]> {
  const groups = new Map<string, Site[]>();
  for (const site of [...sites].sort((a, b) => a.name.localeCompare(b.name))) {
    const group = groups.get(site.programmeName) ?? [];
    group.push(site);
    groups.set(site.programmeName, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
