import { useState } from 'preact/hooks';
import { TextField } from '../admin/TextField';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { itemName, stockApi, type StockItem, type StockLocation } from './stockApi';

type Kind = 'receipt' | 'transfer' | 'count' | 'assemble' | 'breakdown';
const KINDS: Kind[] = ['receipt', 'transfer', 'count', 'assemble', 'breakdown'];

interface Props {
  location: string;
  locations: StockLocation[];
  items: StockItem[];
  onRecorded: () => void;
}

/**
 * A receipt, a transfer, an inventory count, or kits assembled from their components or broken back
 * down into them, at the chosen place. A refused movement shows the
 * server's problem (in the user's language) and keeps what was typed; nothing was recorded.
 */
export function MovementForms({ location, locations, items, onRecorded }: Props) {
  const { t, language } = useApp();
  const [kind, setKind] = useState<Kind>('receipt');
  const [itemCode, setItemCode] = useState('');
  const [lot, setLot] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [quantity, setQuantity] = useState('');
  const [destination, setDestination] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const kits = kind === 'assemble' || kind === 'breakdown';
  const kit = kits ? items.find((item) => item.code === itemCode && item.components.length > 0) : undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setDone(false);
    setBusy(true);
    const amount = Number.parseInt(quantity, 10);
    try {
      if (kind === 'receipt') {
        await stockApi.receive({ id: uuidv7(), locationId: location, itemCode, lot, expiresOn: expiresOn || undefined, quantity: amount });
      } else if (kind === 'transfer') {
        await stockApi.transfer({ id: uuidv7(), fromLocationId: location, toLocationId: destination, itemCode, lot: lot || undefined, quantity: amount });
      } else if (kind === 'assemble') {
        await stockApi.assemble({ id: uuidv7(), locationId: location, kitCode: itemCode, lot: lot || undefined, quantity: amount });
      } else if (kind === 'breakdown') {
        await stockApi.breakDown({ id: uuidv7(), locationId: location, kitCode: itemCode, lot: lot || undefined, quantity: amount });
      } else {
        await stockApi.count({ id: uuidv7(), locationId: location, itemCode, lot, expiresOn: expiresOn || undefined, counted: amount });
      }
      setDone(true);
      setQuantity('');
      onRecorded();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="stock-movement" data-testid="stock-movement">
      <div class="tabs" role="tablist">
        {KINDS.map((one) => (
          <button
            key={one}
            type="button"
            role="tab"
            aria-selected={kind === one}
            class={kind === one ? 'button primary' : 'button'}
            onClick={() => {
              setKind(one);
              if ((one === 'assemble' || one === 'breakdown') && !items.some((item) => item.code === itemCode && item.components.length > 0)) setItemCode('');
            }}
            data-testid={`stock-tab-${one}`}
          >
            {t(`stock.${one}`)}
          </button>
        ))}
      </div>
      <form onSubmit={submit}>
        <FormError problem={problem} placed={['quantity', 'counted', 'lot', 'expiresOn', 'toLocationId', 'kitCode']} />
        <div class="field">
          <label for="stock-item">{t('stock.item')}</label>
          <select id="stock-item" value={itemCode} onChange={(event) => setItemCode(event.currentTarget.value)} data-testid="stock-item">
            <option value="">—</option>
            {(kits ? items.filter((item) => item.components.length > 0) : items).map((item) => (
              <option key={item.code} value={item.code}>
                {itemName(item, language, item.code)}
              </option>
            ))}
          </select>
        </div>
        {kit && (
          <p class="hint" data-testid="stock-kit-components">
            {t('stock.kitMadeOf', { components: kit.components.map((one) => `${one.quantity} × ${itemName(items.find((item) => item.code === one.itemCode), language, one.itemCode)}`).join(', ') })}
          </p>
        )}
        {kind === 'transfer' && (
          <div class="field">
            <label for="stock-destination">{t('stock.destination')}</label>
            <select id="stock-destination" value={destination} onChange={(event) => setDestination(event.currentTarget.value)} data-testid="stock-destination">
              <option value="">—</option>
              {locations.map((place) => (
                <option key={place.id} value={place.id}>
                  {place.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field-row">
          <TextField id="stock-lot" label={t('stock.lot')} hint={kind === 'transfer' ? t('stock.firstExpiringHint') : kind === 'breakdown' ? t('stock.breakdownLotHint') : kind === 'assemble' ? t('stock.kitLotHint') : undefined} value={lot} onInput={setLot} problem={problem} path="lot" />
          {(kind === 'receipt' || kind === 'count') && (
            <TextField id="stock-expiry" type="date" label={t('stock.expiresOn')} value={expiresOn} onInput={setExpiresOn} problem={problem} path="expiresOn" />
          )}
          <TextField
            id="stock-quantity"
            type="number"
            label={kind === 'count' ? t('stock.counted') : kits ? t('stock.kits') : t('stock.quantity')}
            value={quantity}
            onInput={setQuantity}
            problem={problem}
            path={kind === 'count' ? 'counted' : 'quantity'}
          />
        </div>
        <button type="submit" class="button primary" disabled={busy || !location} data-testid="stock-save">
          {t('stock.record')}
        </button>
        {done && (
          <p class="success" role="status" data-testid="stock-recorded">
            {t('stock.recorded')}
          </p>
        )}
      </form>
    </section>
  );
}
