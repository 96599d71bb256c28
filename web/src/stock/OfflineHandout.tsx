import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import type { FormVersion } from '../forms/model';
import type { DeviceSession } from '../offline/deviceSession';
import { keptForms } from '../offline/offlineWork';
import { useSyncState } from '../offline/SyncStatus';
import type { LocalEncounter, LocalPerson } from '../offline/store';
import { dispensableLines, type PrescribedQuantity } from './dispensableLines';
import { AllowanceExceeded, allowancesLeft, dispenseOffline, handOut, itemNames, type DeviceAllowance } from './offlineAllowance';
import './stock.css';

type Names = Record<string, { fr: string; en: string; ar: string }>;
type Held = { allowance: DeviceAllowance; left: Map<string, number> };

interface Props {
  device: DeviceSession;
  person: LocalPerson;
  encounters: LocalEncounter[];
}

/** The prescription lines of the person's signed consultations, with the consultation they belong to. */
function prescribed(encounters: LocalEncounter[], forms: FormVersion[]): (PrescribedQuantity & { encounterId: string })[] {
  return encounters
    .filter((encounter) => encounter.status === 'SIGNED')
    .flatMap((encounter) => {
      const form = forms.filter((one) => one.code === encounter.formCode).at(-1);
      if (!form) return [];
      return dispensableLines(form.definition, encounter.answers as never).map((line) => ({ ...line, encounterId: encounter.id }));
    });
}

/**
 * On a person's page without network: goods given to the person and medicines of their signed
 * consultations dispensed out of what is set aside for this device. Beyond what is left on the device
 * nothing is recorded; otherwise the hand-out waits in the outbox and is written at the next sync out
 * of the same allowance, where the person's entitlements are checked.
 */
export function OfflineHandout({ device, person, encounters }: Props) {
  const { t, language } = useApp();
  const sync = useSyncState(device.engine);
  const [held, setHeld] = useState<Held[] | null>(null);
  const [names, setNames] = useState<Names>({});
  const [forms, setForms] = useState<FormVersion[]>([]);
  const [place, setPlace] = useState('');
  const [item, setItem] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [doses, setDoses] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ refused: boolean; text: string } | null>(null);

  const load = async () => {
    const mine = await allowancesLeft(device.store, device.enrolmentId);
    setHeld(mine);
    setPlace((chosen) => chosen || mine[0]?.allowance.locationId || '');
    setNames(await itemNames(device.store));
    setForms(await keptForms(device));
  };
  useEffect(() => {
    void load();
  }, [sync?.lastSyncedAt]);

  if (!held) return null;
  const current = held.find((one) => one.allowance.locationId === place);
  const name = (code: string) => names[code]?.[language] ?? code;
  const lines = prescribed(encounters, forms).filter((line) => (current?.left.get(line.medicine) ?? 0) > 0);

  const record = async (write: (one: Held) => Promise<string>, done: string) => {
    setMessage(null);
    if (!current) return;
    try {
      await write(current);
      await device.engine.changed();
      setMessage({ refused: false, text: done });
      await load();
    } catch (error) {
      if (!(error instanceof AllowanceExceeded)) throw error;
      setMessage({ refused: true, text: t('offlineStock.exceeded', { count: String(error.left), item: name(error.itemCode) }) });
    }
  };
  const give = (event: Event) => {
    event.preventDefault();
    void record((one) => handOut(device.store, device.enrolmentId, {
      locationId: one.allowance.locationId, siteId: one.allowance.siteId, personId: person.id, counts: [],
      items: [{ itemCode: item, quantity: Number.parseInt(quantity, 10) || 0 }],
    }), t('offlineStock.done'));
  };
  const dispense = (line: PrescribedQuantity & { encounterId: string }, key: string) =>
    void record((one) => dispenseOffline(device.store, device.enrolmentId, {
      locationId: one.allowance.locationId, siteId: one.allowance.siteId, encounterId: line.encounterId, line: line.line,
      itemCode: line.medicine, quantity: Number.parseInt(doses[key] ?? String(line.prescribed || 1), 10) || 0,
    }), t('offlineStock.dispensed'));

  return (
    <section class="card stock-distribution" aria-labelledby="offline-handout" data-testid="offline-handout">
      <h2 id="offline-handout">{t('offlineStock.toPerson')}</h2>
      {held.length === 0 ? (
        <p class="empty">{t('offlineStock.none')}</p>
      ) : (
        <>
          <div class="field">
            <label for="offline-handout-place">{t('stock.location')}</label>
            <select id="offline-handout-place" value={place} onChange={(event) => setPlace(event.currentTarget.value)}>
              {held.map((one) => <option key={one.allowance.id} value={one.allowance.locationId}>{one.allowance.name}</option>)}
            </select>
          </div>
          <form class="field-row" onSubmit={give}>
            <div class="field">
              <label for="offline-handout-item">{t('stock.item')}</label>
              <select id="offline-handout-item" value={item} onChange={(event) => setItem(event.currentTarget.value)} data-testid="offline-handout-item">
                <option value="">—</option>
                {[...(current?.left.entries() ?? [])].filter(([, left]) => left > 0).map(([code, left]) => (
                  <option key={code} value={code}>{name(code)} ({t('offlineStock.left', { count: String(left) })})</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="offline-handout-quantity">{t('stock.quantity')}</label>
              <input id="offline-handout-quantity" type="number" min="1" value={quantity} onInput={(event) => setQuantity(event.currentTarget.value)} data-testid="offline-handout-quantity" />
            </div>
            <button type="submit" class="button primary" disabled={!item} data-testid="offline-handout-give">{t('offlineStock.give')}</button>
          </form>
          {lines.length > 0 && <h3>{t('offlineStock.dispenseTitle')}</h3>}
          {lines.map((line) => {
            const key = `${line.encounterId}-${line.line}`;
            return (
              <div class="field-row" key={key} data-testid="offline-dispense-line">
                <div class="field">
                  <label for={`offline-dispense-${key}`}>{name(line.medicine)}</label>
                  <input id={`offline-dispense-${key}`} type="number" min="1" value={doses[key] ?? String(line.prescribed || 1)}
                    onInput={(event) => setDoses({ ...doses, [key]: event.currentTarget.value })} data-testid="offline-dispense-quantity" />
                </div>
                <button type="button" class="button secondary" onClick={() => dispense(line, key)} data-testid="offline-dispense">{t('dispense.button')}</button>
              </div>
            );
          })}
          {message && (
            <p class={message.refused ? 'error' : 'success'} role={message.refused ? 'alert' : 'status'} data-testid="offline-handout-message">
              {message.text}
            </p>
          )}
        </>
      )}
    </section>
  );
}
