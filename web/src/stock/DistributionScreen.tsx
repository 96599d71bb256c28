import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api';
import { caresForPeople, useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { LoadFailed, Loading } from '../components/Loading';
import { isolate } from '../format';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { PersonSummary, Problem } from '../types';
import { GroupCounts, type CountRow } from './GroupCounts';
import { Entitlements } from './Entitlements';
import './stock.css';
import { itemName, stockApi, type Received, type StockItem, type StockLocation } from './stockApi';

interface ItemRow {
  itemCode: string;
  quantity: string;
}

/**
 * Goods handed out from a place of the user's site: to a person found by name or card code (what
 * they already received and what their entitlements still allow shown first), or to a group
 * counted by sex and age group without names. A refusal says why and records nothing.
 */
export function DistributionScreen() {
  const { t, language, session } = useApp();
  const mayNamePeople = caresForPeople(session);
  const [places, setPlaces] = useState<StockLocation[] | null>(null);
  const [items, setItems] = useState<StockItem[]>([]);
  const [place, setPlace] = useState('');
  const [toGroup, setToGroup] = useState(!mayNamePeople);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PersonSummary[] | null>(null);
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [received, setReceived] = useState<Received[]>([]);
  const [rows, setRows] = useState<ItemRow[]>([{ itemCode: '', quantity: '1' }]);
  const [counts, setCounts] = useState<CountRow[]>([{ sex: 'FEMALE', ageGroup: '18+', people: '' }]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const load = async () => {
    setLoadProblem(null);
    try {
      const [all, catalogue] = await Promise.all([stockApi.locations(), stockApi.items()]);
      const here = all.filter((one) => one.siteId === session?.currentSite?.id);
      const usable = here.length > 0 ? here : all;
      setPlaces(usable);
      setPlace(usable[0]?.id ?? '');
      setItems(catalogue.filter((item) => item.category !== 'MEDICINE' && item.category !== 'VACCINE'));
    } catch (error) {
      setLoadProblem(toProblem(error, t));
    }
  };
  useEffect(() => {
    load();
  }, []);

  const byCode = useMemo(() => new Map(items.map((item) => [item.code, item])), [items]);

  const search = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    try {
      setFound((await api.searchPeople({ query, limit: 8 })).filter((one) => one.inScope));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  const choose = async (chosen: PersonSummary | null) => {
    setPerson(chosen);
    setReceived([]);
    setDone(false);
    if (!chosen) return;
    try {
      setReceived(await stockApi.received(chosen.id));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setDone(false);
    setBusy(true);
    try {
      await stockApi.distribute({
        id: uuidv7(),
        locationId: place,
        personId: toGroup ? undefined : person?.id,
        items: rows.map((row) => ({ itemCode: row.itemCode, quantity: Number.parseInt(row.quantity, 10) || 0 })),
        counts: toGroup
          ? counts.map((count) => ({ sex: count.sex, ageGroup: count.ageGroup, people: Number.parseInt(count.people, 10) || 0 }))
          : undefined,
      });
      setDone(true);
      setRows([{ itemCode: '', quantity: '1' }]);
      if (!toGroup && person) setReceived(await stockApi.received(person.id));
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  if (loadProblem) return <LoadFailed problem={loadProblem} onRetry={load} />;
  if (!places) return <Loading />;

  const setRow = (index: number, change: Partial<ItemRow>) =>
    setRows(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));

  return (
    <section class="card stock-distribution" data-testid="distribution">
      <h1>{t('distribute.title')}</h1>
      {places.length === 0 ? (
        <p class="empty">{t('dispense.noPlace')}</p>
      ) : (
        <>
          <div class="field">
            <label for="distribute-place">{t('stock.location')}</label>
            <select id="distribute-place" value={place} onChange={(event) => setPlace(event.currentTarget.value)} data-testid="distribute-place">
              {places.map((one) => (
                <option key={one.id} value={one.id}>
                  {one.name}
                </option>
              ))}
            </select>
          </div>
          {mayNamePeople && (
            <div class="tabs" role="tablist">
              {[false, true].map((group) => (
                <button
                  key={String(group)}
                  type="button"
                  role="tab"
                  aria-selected={toGroup === group}
                  class={toGroup === group ? 'button primary' : 'button'}
                  onClick={() => setToGroup(group)}
                  data-testid={group ? 'distribute-to-group' : 'distribute-to-person'}
                >
                  {group ? t('distribute.toGroup') : t('distribute.toPerson')}
                </button>
              ))}
            </div>
          )}
          {!toGroup && (
            <div class="stock-recipient">
              {person ? (
                <p data-testid="distribute-person">
                  <strong>{isolate(person.chosenName)}</strong> {person.patientCode ? `· ${person.patientCode}` : ''}{' '}
                  <button type="button" class="button" onClick={() => choose(null)}>
                    {t('distribute.otherPerson')}
                  </button>
                </p>
              ) : (
                <form onSubmit={search} class="field-row">
                  <div class="field">
                    <label for="distribute-query">{t('search.query')}</label>
                    <input id="distribute-query" value={query} onInput={(event) => setQuery(event.currentTarget.value)} data-testid="distribute-query" />
                  </div>
                  <button type="submit" class="button" data-testid="distribute-search">
                    {t('distribute.find')}
                  </button>
                </form>
              )}
              {!person && found && (
                <ul class="result-list" data-testid="distribute-found">
                  {found.length === 0 && <li class="empty">{t('distribute.nobody')}</li>}
                  {found.map((one) => (
                    <li key={one.id}>
                      <button type="button" class="button" onClick={() => choose(one)} data-testid="distribute-choose">
                        {isolate(one.chosenName)} {one.patientCode ? `· ${one.patientCode}` : ''}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {person && <Entitlements items={items} received={received} />}
            </div>
          )}
          <form onSubmit={submit}>
            <FormError problem={problem} placed={[]} />
            <h2>{t('distribute.items')}</h2>
            {rows.map((row, index) => (
              <div class="field-row" key={index} data-testid="distribute-item-row">
                <div class="field">
                  <label for={`distribute-item-${index}`}>{t('stock.item')}</label>
                  <select id={`distribute-item-${index}`} value={row.itemCode} onChange={(event) => setRow(index, { itemCode: event.currentTarget.value })} data-testid="distribute-item">
                    <option value="">—</option>
                    {items.map((item) => (
                      <option key={item.code} value={item.code}>
                        {itemName(item, language, item.code)}
                        {item.entitlement ? ` (${t('distribute.entitlement', { quantity: String(item.entitlement.quantity), days: String(item.entitlement.days) })})` : ''}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for={`distribute-quantity-${index}`}>{t('stock.quantity')}</label>
                  <input id={`distribute-quantity-${index}`} type="number" min="1" value={row.quantity} onInput={(event) => setRow(index, { quantity: event.currentTarget.value })} data-testid="distribute-quantity" />
                </div>
                {byCode.get(row.itemCode)?.unit && <p class="hint">{byCode.get(row.itemCode)?.unit}</p>}
              </div>
            ))}
            <button type="button" class="button" onClick={() => setRows([...rows, { itemCode: '', quantity: '1' }])} data-testid="distribute-add-item">
              {t('distribute.addItem')}
            </button>
            {toGroup && <GroupCounts counts={counts} onChange={setCounts} />}
            <p>
              <button type="submit" class="button primary" disabled={busy || !place || (!toGroup && !person)} data-testid="distribute-save">
                {t('distribute.save')}
              </button>
            </p>
            {done && (
              <p class="success" role="status" data-testid="distribute-done">
                {t('distribute.done')}
              </p>
            )}
          </form>
        </>
      )}
    </section>
  );
}
