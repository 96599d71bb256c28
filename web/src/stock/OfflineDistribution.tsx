import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import type { DeviceSession } from '../offline/deviceSession';
import { useSyncState } from '../offline/SyncStatus';
import { GroupCounts, type CountRow } from './GroupCounts';
import { AllowanceExceeded, allowancesLeft, handOut, itemNames, type DeviceAllowance } from './offlineAllowance';
import './stock.css';

interface Row {
  itemCode: string;
  quantity: string;
}

type Names = Record<string, { fr: string; en: string; ar: string }>;

/**
 * A distribution to a group recorded without network, out of what is set aside for this device: each
 * item offers only what is left of the allowance, and more is refused here with what is left. It is
 * kept in the outbox and written at the next sync, out of the same allowance.
 */
export function OfflineDistribution({ device }: { device: DeviceSession }) {
  const { t, language } = useApp();
  const sync = useSyncState(device.engine);
  const [held, setHeld] = useState<{ allowance: DeviceAllowance; left: Map<string, number> }[] | null>(null);
  const [names, setNames] = useState<Names>({});
  const [place, setPlace] = useState('');
  const [rows, setRows] = useState<Row[]>([{ itemCode: '', quantity: '1' }]);
  const [counts, setCounts] = useState<CountRow[]>([{ sex: 'FEMALE', ageGroup: '18+', people: '' }]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const load = async () => {
    const mine = await allowancesLeft(device.store, device.enrolmentId);
    setHeld(mine);
    setPlace((chosen) => chosen || mine[0]?.allowance.locationId || '');
    setNames(await itemNames(device.store));
  };
  useEffect(() => {
    void load();
  }, [sync?.lastSyncedAt]);

  if (!held) return null;
  const current = held.find((one) => one.allowance.locationId === place);
  const name = (code: string) => names[code]?.[language] ?? code;
  const setRow = (index: number, change: Partial<Row>) =>
    setRows(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));

  const submit = async (event: Event) => {
    event.preventDefault();
    setRefusal(null);
    setDone(false);
    if (!current) return;
    try {
      await handOut(device.store, device.enrolmentId, {
        locationId: current.allowance.locationId,
        siteId: current.allowance.siteId,
        items: rows.map((row) => ({ itemCode: row.itemCode, quantity: Number.parseInt(row.quantity, 10) || 0 })),
        counts: counts.map((count) => ({ sex: count.sex, ageGroup: count.ageGroup, people: Number.parseInt(count.people, 10) || 0 })),
      });
      setDone(true);
      setRows([{ itemCode: '', quantity: '1' }]);
      await device.engine.changed();
      await load();
    } catch (error) {
      if (!(error instanceof AllowanceExceeded)) throw error;
      setRefusal(t('offlineStock.exceeded', { count: String(error.left), item: name(error.itemCode) }));
    }
  };

  return (
    <section class="card stock-distribution" aria-labelledby="offline-distribute" data-testid="offline-distribution">
      <h2 id="offline-distribute">{t('offlineStock.title')}</h2>
      {held.length === 0 ? (
        <p class="empty">{t('offlineStock.none')}</p>
      ) : (
        <form onSubmit={submit}>
          <div class="field">
            <label for="offline-distribute-place">{t('stock.location')}</label>
            <select id="offline-distribute-place" value={place} onChange={(event) => setPlace(event.currentTarget.value)} data-testid="offline-distribute-place">
              {held.map((one) => (
                <option key={one.allowance.id} value={one.allowance.locationId}>
                  {one.allowance.name}
                </option>
              ))}
            </select>
          </div>
          {rows.map((row, index) => (
            <div class="field-row" key={index}>
              <div class="field">
                <label for={`offline-distribute-item-${index}`}>{t('stock.item')}</label>
                <select id={`offline-distribute-item-${index}`} value={row.itemCode} onChange={(event) => setRow(index, { itemCode: event.currentTarget.value })} data-testid="offline-distribute-item">
                  <option value="">—</option>
                  {[...(current?.left.entries() ?? [])].filter(([, left]) => left > 0).map(([code, left]) => (
                    <option key={code} value={code}>
                      {name(code)} ({t('offlineStock.left', { count: String(left) })})
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for={`offline-distribute-quantity-${index}`}>{t('stock.quantity')}</label>
                <input id={`offline-distribute-quantity-${index}`} type="number" min="1" value={row.quantity} onInput={(event) => setRow(index, { quantity: event.currentTarget.value })} data-testid="offline-distribute-quantity" />
              </div>
            </div>
          ))}
          <button type="button" class="button" onClick={() => setRows([...rows, { itemCode: '', quantity: '1' }])}>
            {t('distribute.addItem')}
          </button>
          <GroupCounts counts={counts} onChange={setCounts} />
          {refusal && (
            <p class="error" role="alert" data-testid="offline-distribute-refused">
              {refusal}
            </p>
          )}
          <p>
            <button type="submit" class="button primary" disabled={!current || rows.some((row) => !row.itemCode)} data-testid="offline-distribute-save">
              {t('distribute.save')}
            </button>
          </p>
          {done && (
            <p class="success" role="status" data-testid="offline-distribute-done">
              {t('offlineStock.done')}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
