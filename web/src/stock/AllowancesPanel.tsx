import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import type { components } from '../api/schema';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { itemName, type StockItem } from './stockApi';

type Allowance = components['schemas']['Allowance'];
type AllowanceDevice = components['schemas']['AllowanceDevice'];
type NewAllowance = components['schemas']['NewAllowance'];
type AllowanceRelease = components['schemas']['AllowanceRelease'];

interface Props {
  location: string;
  items: Map<string, StockItem>;
  /** Changes when the place's stock changed, to read the allowances again. */
  version: number;
  onChanged: () => void;
}

const at = (place: string) => `/api/stock/locations/${encodeURIComponent(place)}`;

/**
 * What the place has set aside for the devices of its team, which hand it out without network:
 * device by device, what each still holds; more set aside for a device, or everything it holds
 * given back to the place (at the end of a round, or when a device is lost).
 */
export function AllowancesPanel({ location, items, version, onChanged }: Props) {
  const { t, language } = useApp();
  const [allowances, setAllowances] = useState<Allowance[]>([]);
  const [devices, setDevices] = useState<AllowanceDevice[]>([]);
  const [device, setDevice] = useState('');
  const [itemCode, setItemCode] = useState('');
  const [quantity, setQuantity] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = async () => {
    try {
      const [held, enrolled] = await Promise.all([
        call<Allowance[]>('GET', `${at(location)}/allowances`),
        call<AllowanceDevice[]>('GET', `${at(location)}/devices`),
      ]);
      setAllowances(held);
      setDevices(enrolled);
      setDevice((chosen) => (enrolled.some((one) => one.id === chosen) ? chosen : enrolled[0]?.id ?? ''));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  useEffect(() => {
    if (location) void load();
  }, [location, version]);

  const act = async (send: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await send();
      setQuantity('');
      onChanged();
      await load();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  const grant = (event: Event) => {
    event.preventDefault();
    const allowance: NewAllowance = {
      id: uuidv7(), locationId: location, deviceId: device, itemCode, quantity: Number.parseInt(quantity, 10) || 0,
    };
    void act(() => call('POST', '/api/stock/allowances', allowance));
  };
  const release = (deviceId: string) =>
    void act(() => {
      const release: AllowanceRelease = { id: uuidv7(), locationId: location, deviceId };
      return call('POST', '/api/stock/allowances/release', release);
    });
  const deviceName = (id: string) => {
    const known = devices.find((one) => one.id === id);
    return known ? `${known.name} · ${known.username}` : id.slice(0, 8);
  };

  return (
    <section class="stock-allowances" aria-labelledby="stock-allowances" data-testid="stock-allowances">
      <h2 id="stock-allowances">{t('allowances.title')}</h2>
      <p class="muted">{t('allowances.explanation')}</p>
      {allowances.length === 0 ? (
        <p class="empty">{t('allowances.none')}</p>
      ) : (
        <ul class="result-list">
          {allowances.map((allowance) => (
            <li key={allowance.id} data-testid="stock-allowance">
              <strong>{deviceName(allowance.deviceId)}</strong>{' '}
              {allowance.lots.length === 0
                ? t('allowances.empty')
                : allowance.lots.map((lot) => `${itemName(items.get(lot.itemCode), language, lot.itemCode)} ${lot.quantity}`).join(', ')}{' '}
              {allowance.lots.length > 0 && (
                <button type="button" class="button" onClick={() => release(allowance.deviceId)} data-testid="stock-allowance-release">
                  {t('allowances.release')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {devices.length === 0 ? (
        <p class="empty">{t('allowances.noDevice')}</p>
      ) : (
        <form onSubmit={grant} data-testid="stock-allowance-form">
          <FormError problem={problem} placed={[]} />
          <div class="field-row">
            <div class="field">
              <label for="allowance-device">{t('allowances.device')}</label>
              <select id="allowance-device" value={device} onChange={(event) => setDevice(event.currentTarget.value)} data-testid="stock-allowance-device">
                {devices.map((one) => (
                  <option key={one.id} value={one.id}>
                    {one.name} · {one.username}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="allowance-item">{t('stock.item')}</label>
              <select id="allowance-item" value={itemCode} onChange={(event) => setItemCode(event.currentTarget.value)} data-testid="stock-allowance-item">
                <option value="">—</option>
                {[...items.values()].map((item) => (
                  <option key={item.code} value={item.code}>
                    {itemName(item, language, item.code)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="allowance-quantity">{t('stock.quantity')}</label>
              <input id="allowance-quantity" type="number" min="1" value={quantity} onInput={(event) => setQuantity(event.currentTarget.value)} data-testid="stock-allowance-quantity" />
            </div>
          </div>
          <p>
            <button type="submit" class="button primary" disabled={!device || !itemCode || !quantity} data-testid="stock-allowance-grant">
              {t('allowances.grant')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
