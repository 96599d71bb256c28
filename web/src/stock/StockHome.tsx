import { useEffect, useMemo, useState } from 'preact/hooks';
import { hasRole, useApp } from '../appContext';
import { LoadFailed, Loading } from '../components/Loading';
import { formatDate } from '../format';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { navigate } from '../router';
import { AllowancesPanel } from './AllowancesPanel';
import { ConsumptionTable } from './ConsumptionTable';
import { MovementForms } from './MovementForms';
import { PlacesPanel } from './PlacesPanel';
import './stock.css';
import { itemName, stockApi, type BalancePage, type StockAlert, type StockBalance, type StockItem, type StockLocation } from './stockApi';

const ALERT_KEYS = {
  STOCK_OUT: 'stock.alert.STOCK_OUT',
  EXPIRED: 'stock.alert.EXPIRED',
  NEAR_EXPIRY: 'stock.alert.NEAR_EXPIRY',
} as const;

function alertKey(kind: string) {
  return kind in ALERT_KEYS ? ALERT_KEYS[kind as keyof typeof ALERT_KEYS] : ALERT_KEYS.STOCK_OUT;
}

/**
 * The logistician's home: what needs doing at their places (items out of stock, lots expired or
 * expiring soon), then the stock of one place lot by lot, with the receipt, transfer and
 * inventory count forms under it.
 */
export function StockHome() {
  const { t, language, session } = useApp();
  const keepsPlaces = hasRole(session, 'LOGISTICIAN', 'COORDINATOR', 'ADMINISTRATOR');
  const [recorded, setRecorded] = useState(0);
  const [locations, setLocations] = useState<StockLocation[] | null>(null);
  const [items, setItems] = useState<Map<string, StockItem>>(new Map());
  const [alerts, setAlerts] = useState<StockAlert[]>([]);
  const [chosen, setChosen] = useState<string>('');
  const [balances, setBalances] = useState<StockBalance[] | null>(null);
  const [page, setPage] = useState<BalancePage | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = async (chosenNow?: string) => {
    setProblem(null);
    try {
      const [places, catalogue, todo] = await Promise.all([stockApi.locations(), stockApi.items(), stockApi.alerts()]);
      setLocations(places);
      setItems(new Map(catalogue.map((item) => [item.code, item])));
      setAlerts(todo);
      setChosen((current) => {
        const wanted = chosenNow ?? current;
        return places.some((place) => place.id === wanted) ? wanted : places[0]?.id || '';
      });
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  // a page of the place's lots at a time (50 items), with the place's totals; more on demand
  const loadBalances = async (location: string, after?: string) => {
    if (!location) return;
    try {
      const loaded = await stockApi.balances(location, { after });
      setPage(loaded);
      setBalances((shown) => (after && shown ? [...shown, ...loaded.lots] : loaded.lots));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, []);
  useEffect(() => {
    loadBalances(chosen);
  }, [chosen]);

  const placeNames = useMemo(() => new Map((locations ?? []).map((place) => [place.id, place.name])), [locations]);
  const name = (code: string) => itemName(items.get(code), language, code);

  if (problem) return <LoadFailed problem={problem} onRetry={() => load()} />;
  if (!locations) return <Loading />;

  return (
    <section class="card stock-home" data-testid="stock-home">
      <h1>{t('stock.title')}</h1>
      <p>
        <a
          href="/stock/distribute"
          class="button"
          data-testid="stock-go-distribute"
          onClick={(event) => {
            event.preventDefault();
            navigate('/stock/distribute');
          }}
        >
          {t('distribute.title')}
        </a>
      </p>
      {keepsPlaces && <PlacesPanel locations={locations} onChanged={(place) => load(place)} />}
      {locations.length === 0 ? (
        <p class="empty" data-testid="stock-no-location">
          {keepsPlaces ? t('stock.noLocationAdd') : t('stock.noLocation')}
        </p>
      ) : (
        <>
          <h2>{t('stock.todo')}</h2>
          {alerts.length === 0 ? (
            <p class="empty" data-testid="stock-no-alert">
              {t('stock.nothingToDo')}
            </p>
          ) : (
            <ul class="result-list" data-testid="stock-alerts">
              {alerts.map((alert) => (
                <li key={`${alert.kind}-${alert.locationId}-${alert.itemCode}-${alert.lot ?? ''}`} class={alert.kind === 'NEAR_EXPIRY' ? 'stock-alert' : 'stock-alert urgent'}>
                  <strong>{t(alertKey(alert.kind))}</strong> {name(alert.itemCode)}
                  {alert.lot ? ` · ${t('stock.lot')} ${alert.lot}` : ''}
                  {alert.expiresOn ? ` · ${formatDate(alert.expiresOn, language)}` : ''} · {placeNames.get(alert.locationId)}
                </li>
              ))}
            </ul>
          )}
          <div class="field">
            <label for="stock-location">{t('stock.location')}</label>
            <select id="stock-location" value={chosen} onChange={(event) => setChosen(event.currentTarget.value)} data-testid="stock-location">
              {locations.map((place) => (
                <option key={place.id} value={place.id}>
                  {place.name} ({t(`stock.kind.${place.kind}`)})
                </option>
              ))}
            </select>
          </div>
          {balances === null ? (
            <Loading />
          ) : balances.length === 0 ? (
            <p class="empty">{t('stock.empty')}</p>
          ) : (
            <div class="table-scroll">
              <table class="data-table" data-testid="stock-balances">
                <thead>
                  <tr>
                    <th>{t('stock.item')}</th>
                    <th>{t('stock.lot')}</th>
                    <th>{t('stock.expiresOn')}</th>
                    <th>{t('stock.quantity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {balances.map((balance) => (
                    <tr key={`${balance.itemCode}-${balance.lot}`}>
                      <td>{name(balance.itemCode)}</td>
                      <td>{balance.lot}</td>
                      <td>{balance.expiresOn ? formatDate(balance.expiresOn, language) : '—'}</td>
                      <td class="number">{balance.quantity}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {page && (
                <p class="hint" data-testid="stock-balances-shown">
                  {t('stock.balancesShown', { shown: String(balances.length), total: String(page.totalLots), items: String(page.totalItems) })}
                </p>
              )}
              {page?.nextAfter && (
                <button type="button" class="button secondary" onClick={() => loadBalances(chosen, page.nextAfter ?? undefined)} data-testid="stock-balances-more">
                  {t('stock.balancesMore')}
                </button>
              )}
            </div>
          )}
          <ConsumptionTable location={chosen} items={items} version={recorded} />
          <MovementForms
            location={chosen}
            locations={locations}
            items={[...items.values()]}
            onRecorded={() => {
              loadBalances(chosen);
              setRecorded((count) => count + 1);
              stockApi.alerts().then(setAlerts, () => {});
            }}
          />
          {keepsPlaces && (
            <AllowancesPanel location={chosen} items={items} version={recorded} onChanged={() => loadBalances(chosen)} />
          )}
        </>
      )}
    </section>
  );
}
