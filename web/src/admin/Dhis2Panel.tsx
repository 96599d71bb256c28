import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import type { MessageKey } from "../i18n";
import { CATEGORIES } from '../reportCharts';
import { toProblem } from '../problems';
import type { Dhis2DataElementRow, Dhis2Mapping, Dhis2PushResult, Dhis2Server, IndicatorInfo, Problem, ReportSite } from '../types';

const EMPTY_ROW: Dhis2DataElementRow = { indicator: '', disaggregation: 'TOTAL', category: '', dataElement: '', categoryOptionCombo: '', categoryOption: '' };

/** The DHIS2 server, the mapping of indicators and sites to DHIS2 codes, and a push with dry run. */
export function Dhis2Panel() {
  const { t, language } = useApp();
  const [server, setServer] = useState<Dhis2Server | null>(null);
  const [form, setForm] = useState({ baseUrl: '', username: '', password: '', dataSet: '' });
  const [mapping, setMapping] = useState<Dhis2Mapping>({ dataElements: [], orgUnits: [] });
  const [indicators, setIndicators] = useState<IndicatorInfo[]>([]);
  const [sites, setSites] = useState<ReportSite[]>([]);
  const [push, setPush] = useState({ period: '', dryRun: true });
  const [result, setResult] = useState<Dhis2PushResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([api.dhis2Server(), api.dhis2Mapping(), api.reportIndicators(language), api.reportScope()])
      .then(([s, m, i, scope]) => {
        setServer(s ?? null);
        if (s) setForm({ baseUrl: s.baseUrl, username: s.username, password: '', dataSet: s.dataSet ?? '' });
        setMapping(m);
        setIndicators(i);
        setSites(scope.programmes.flatMap((p) => p.sites));
      })
      .catch((error) => setProblem(toProblem(error, t)));
  }, [language]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    setSaved('');
    try {
      await action();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };
  const saveServer = () =>
    run(async () => {
      const change = { baseUrl: form.baseUrl, username: form.username, dataSet: form.dataSet || null, adxCategories: server?.adxCategories ?? {} };
      setServer(await api.saveDhis2Server(form.password ? { ...change, password: form.password } : change));
      setForm({ ...form, password: '' });
      setSaved(t('dhis2.saved'));
    });
  const saveMapping = () =>
    run(async () => {
      const clean = {
        dataElements: mapping.dataElements.map((row) => ({
          ...row,
          categoryOptionCombo: row.categoryOptionCombo || null,
          categoryOption: row.categoryOption || null,
        })),
        orgUnits: mapping.orgUnits.filter((unit) => unit.orgUnit.trim() !== ''),
      };
      setMapping(await api.saveDhis2Mapping(clean));
      setSaved(t('dhis2.saved'));
    });
  const doPush = () => run(async () => setResult(await api.pushDhis2({ period: push.period, dryRun: push.dryRun })));

  const setRow = (index: number, change: Partial<Dhis2DataElementRow>) =>
    setMapping({ ...mapping, dataElements: mapping.dataElements.map((row, i) => (i === index ? { ...row, ...change } : row)) });
  const orgUnitOf = (siteId: string) => mapping.orgUnits.find((u) => u.siteId === siteId)?.orgUnit ?? '';
  const setOrgUnit = (siteId: string, orgUnit: string) =>
    setMapping({ ...mapping, orgUnits: [...mapping.orgUnits.filter((u) => u.siteId !== siteId), { siteId, orgUnit }] });

  return (
    <section class="card" data-testid="dhis2-panel">
      <h2>{t('dhis2.title')}</h2>
      <FormError problem={problem} />
      {saved && <p class="form-success" role="status">{saved}</p>}
      <h3>{t('dhis2.server')}</h3>
      <div class="field-row">
        <div class="field">
          <label for="dhis2-url">{t('dhis2.baseUrl')}</label>
          <input id="dhis2-url" data-testid="dhis2-url" value={form.baseUrl} onInput={(e) => setForm({ ...form, baseUrl: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="dhis2-user">{t('dhis2.username')}</label>
          <input id="dhis2-user" data-testid="dhis2-user" value={form.username} onInput={(e) => setForm({ ...form, username: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="dhis2-password">{t('dhis2.password')}</label>
          <input id="dhis2-password" type="password" autocomplete="new-password" data-testid="dhis2-password" value={form.password}
            placeholder={server?.passwordSet ? t('dhis2.passwordKept') : ''} onInput={(e) => setForm({ ...form, password: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="dhis2-dataset">{t('dhis2.dataSet')}</label>
          <input id="dhis2-dataset" data-testid="dhis2-dataset" value={form.dataSet} onInput={(e) => setForm({ ...form, dataSet: e.currentTarget.value })} />
        </div>
      </div>
      <button type="button" class="button primary" disabled={busy} data-testid="dhis2-save-server" onClick={saveServer}>
        {t('dhis2.saveServer')}
      </button>

      <h3>{t('dhis2.mapping')}</h3>
      <div class="table-scroll">
        <table class="data-table" data-testid="dhis2-mapping">
          <thead>
            <tr>
              <th scope="col">{t('reports.indicator')}</th>
              <th scope="col">{t('dhis2.disaggregation')}</th>
              <th scope="col">{t('dhis2.category')}</th>
              <th scope="col">{t('dhis2.dataElement')}</th>
              <th scope="col">{t('dhis2.combo')}</th>
              <th scope="col">{t('dhis2.option')}</th>
              <th scope="col"></th>
            </tr>
          </thead>
          <tbody>
            {mapping.dataElements.map((row, index) => {
              const indicator = indicators.find((i) => i.code === row.indicator);
              const dimensions = ['TOTAL', ...(indicator?.disaggregations.filter((d) => d in CATEGORIES) ?? [])];
              return (
                <tr key={index} data-testid="dhis2-row">
                  <td>
                    <select aria-label={t('reports.indicator')} value={row.indicator} onChange={(e) => setRow(index, { indicator: e.currentTarget.value, disaggregation: 'TOTAL', category: '' })}>
                      <option value="">{t('app.choose')}</option>
                      {indicators.map((i) => <option key={i.code} value={i.code}>{i.name}</option>)}
                    </select>
                  </td>
                  <td>
                    <select aria-label={t('dhis2.disaggregation')} value={row.disaggregation} onChange={(e) => setRow(index, { disaggregation: e.currentTarget.value, category: e.currentTarget.value === 'TOTAL' ? '' : CATEGORIES[e.currentTarget.value]?.[0] ?? '' })}>
                      {dimensions.map((d) => <option key={d} value={d}>{t(`dhis2.dimension.${d}` as MessageKey)}</option>)}
                    </select>
                  </td>
                  <td>
                    {row.disaggregation !== 'TOTAL' && (
                      <select aria-label={t('dhis2.category')} value={row.category} onChange={(e) => setRow(index, { category: e.currentTarget.value })}>
                        {(CATEGORIES[row.disaggregation] ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
                      </select>
                    )}
                  </td>
                  <td><input aria-label={t('dhis2.dataElement')} value={row.dataElement} onInput={(e) => setRow(index, { dataElement: e.currentTarget.value })} /></td>
                  <td><input aria-label={t('dhis2.combo')} value={row.categoryOptionCombo ?? ''} onInput={(e) => setRow(index, { categoryOptionCombo: e.currentTarget.value })} /></td>
                  <td><input aria-label={t('dhis2.option')} value={row.categoryOption ?? ''} onInput={(e) => setRow(index, { categoryOption: e.currentTarget.value })} /></td>
                  <td>
                    <button type="button" class="button secondary" onClick={() => setMapping({ ...mapping, dataElements: mapping.dataElements.filter((_, i) => i !== index) })}>
                      {t('dhis2.removeRow')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" class="button secondary" data-testid="dhis2-add-row" onClick={() => setMapping({ ...mapping, dataElements: [...mapping.dataElements, { ...EMPTY_ROW }] })}>
        {t('dhis2.addRow')}
      </button>
      <h4>{t('dhis2.orgUnits')}</h4>
      {sites.map((site) => (
        <div class="field narrow-field" key={site.id}>
          <label for={`ou-${site.id}`}>{site.name}</label>
          <input id={`ou-${site.id}`} data-testid="dhis2-org-unit" value={orgUnitOf(site.id)} onInput={(e) => setOrgUnit(site.id, e.currentTarget.value)} />
        </div>
      ))}
      <button type="button" class="button primary" disabled={busy} data-testid="dhis2-save-mapping" onClick={saveMapping}>
        {t('dhis2.saveMapping')}
      </button>

      <h3>{t('dhis2.push')}</h3>
      <div class="field-row">
        <div class="field">
          <label for="dhis2-period">{t('dhis2.period')}</label>
          <input id="dhis2-period" data-testid="dhis2-period" placeholder="2026-03" value={push.period} onInput={(e) => setPush({ ...push, period: e.currentTarget.value })} />
        </div>
        <label class="checkbox">
          <input type="checkbox" data-testid="dhis2-dry-run" checked={push.dryRun} onChange={(e) => setPush({ ...push, dryRun: e.currentTarget.checked })} />
          {t('dhis2.dryRun')}
        </label>
      </div>
      <button type="button" class="button primary" disabled={busy || !push.period} data-testid="dhis2-push" onClick={doPush}>
        {push.dryRun ? t('dhis2.tryPush') : t('dhis2.doPush')}
      </button>
      {result && (
        <dl class="import-summary" data-testid="dhis2-summary">
          <dt>{t('dhis2.status')}</dt><dd data-testid="dhis2-status">{result.status}{result.dryRun ? ` (${t('dhis2.dryRun')})` : ''}</dd>
          <dt>{t('dhis2.imported')}</dt><dd>{result.imported}</dd>
          <dt>{t('dhis2.updated')}</dt><dd>{result.updated}</dd>
          <dt>{t('dhis2.ignored')}</dt><dd>{result.ignored}</dd>
          <dt>{t('dhis2.deleted')}</dt><dd>{result.deleted}</dd>
          <dt>{t('dhis2.values')}</dt><dd>{result.values}</dd>
          <dt>{t('dhis2.suppressed')}</dt><dd>{result.suppressed}</dd>
          {result.conflicts.length > 0 && (<><dt>{t('dhis2.conflicts')}</dt><dd><ul>{result.conflicts.map((c) => <li key={c}>{c}</li>)}</ul></dd></>)}
        </dl>
      )}
    </section>
  );
}
