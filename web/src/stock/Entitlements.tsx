import { useApp } from '../appContext';
import { formatDateTime } from '../format';
import { itemName, type Received, type StockItem } from './stockApi';

const DAY = 24 * 60 * 60 * 1000;

/** How many of an item a person may still receive now, given what they received in its window. */
export function stillAllowed(item: StockItem, received: Received[], now: number = Date.now()): number | null {
  if (!item.entitlement) return null;
  const since = now - item.entitlement.days * DAY;
  const taken = received
    .filter((one) => one.itemCode === item.code && Date.parse(one.occurredAt) >= since)
    .reduce((sum, one) => sum + one.quantity, 0);
  return Math.max(0, item.entitlement.quantity - taken);
}

/** What the person already received, and what each entitlement still allows. */
export function Entitlements({ items, received }: { items: StockItem[]; received: Received[] }) {
  const { t, language } = useApp();
  const entitled = items.filter((item) => item.entitlement);
  return (
    <div class="stock-entitlements" data-testid="distribute-entitlements">
      <h2>{t('distribute.received')}</h2>
      {received.length === 0 ? (
        <p class="empty">{t('distribute.nothingReceived')}</p>
      ) : (
        <ul class="result-list">
          {received.map((one) => (
            <li key={`${one.distributionId}-${one.itemCode}`} data-testid="distribute-received">
              {formatDateTime(one.occurredAt, language)} · {itemName(items.find((item) => item.code === one.itemCode), language, one.itemCode)} × {one.quantity}
            </li>
          ))}
        </ul>
      )}
      <ul class="result-list">
        {entitled.map((item) => {
          const left = stillAllowed(item, received) ?? 0;
          return (
            <li key={item.code} class={left === 0 ? 'stock-alert urgent' : 'stock-alert'} data-testid="distribute-entitled">
              {itemName(item, language, item.code)} ·{' '}
              {t('distribute.entitlement', { quantity: String(item.entitlement?.quantity ?? 0), days: String(item.entitlement?.days ?? 0) })} ·{' '}
              {t('distribute.stillAllowed', { count: String(left) })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
