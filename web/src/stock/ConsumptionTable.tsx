import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { itemName, stockApi, type Consumption, type StockItem } from './stockApi';

/**
 * What the chosen place uses of each item (average over the last months), how many months its
 * balance lasts at that pace and what to order; items running short first.
 */
export function ConsumptionTable({ location, items, version }: { location: string; items: Map<string, StockItem>; version: number }) {
  const { t, language } = useApp();
  const [rows, setRows] = useState<Consumption[] | null>(null);

  useEffect(() => {
    let live = true;
    if (!location) return;
    stockApi.consumption(location).then(
      (found) => live && setRows(found),
      () => live && setRows(null),
    );
    return () => {
      live = false;
    };
  }, [location, version]);

  if (!rows) return null;
  const sorted = [...rows].sort((a, b) => (a.monthsOfStock ?? Infinity) - (b.monthsOfStock ?? Infinity));
  return (
    <section class="stock-consumption" data-testid="stock-consumption">
      <h2>{t('stock.consumption')}</h2>
      <p class="hint">{t('stock.consumptionHint')}</p>
      {sorted.length === 0 ? (
        <p class="empty">{t('stock.noConsumption')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th>{t('stock.item')}</th>
                <th>{t('stock.balance')}</th>
                <th>{t('stock.monthlyConsumption')}</th>
                <th>{t('stock.monthsOfStock')}</th>
                <th>{t('stock.suggestedOrder')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => (
                <tr key={row.itemCode} class={row.suggestedOrder > 0 ? 'stock-short' : undefined} data-testid="stock-consumption-row">
                  <td>{itemName(items.get(row.itemCode), language, row.itemCode)}</td>
                  <td class="number">{row.balance}</td>
                  <td class="number">{row.monthlyConsumption}</td>
                  <td class="number">{row.monthsOfStock == null ? '—' : row.monthsOfStock}</td>
                  <td class="number">{row.suggestedOrder > 0 ? row.suggestedOrder : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
