import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { formatDate } from '../format';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import './stock.css';
import type { PrescribedQuantity } from './dispensableLines';
import { itemName, stockApi, type LotShare, type StockBalance, type StockItem, type StockLocation } from './stockApi';

/**
 * Dispenses the lines of a signed consultation's prescription from a place of the site: the lots
 * that expire first are proposed for the quantity typed, a shortfall says how much the place holds,
 * and each dispensing is recorded once (its id made here) through the stock's ledger.
 */
export function DispensePanel({ encounterId, lines }: { encounterId: string; lines: PrescribedQuantity[] }) {
  const { t, language, session } = useApp();
  const [open, setOpen] = useState(false);
  const [places, setPlaces] = useState<StockLocation[] | null>(null);
  const [items, setItems] = useState<Map<string, StockItem>>(new Map());
  const [place, setPlace] = useState('');
  const [line, setLine] = useState(0);
  const [quantity, setQuantity] = useState('');
  const [held, setHeld] = useState<StockBalance[] | null>(null);
  const [lot, setLot] = useState('');
  const [proposal, setProposal] = useState<LotShare[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = lines.find((one) => one.line === line) ?? lines[0];
  const amount = Number.parseInt(quantity, 10);
  // the lots of the medicine the place holds, expired ones left out: the user may name the one in hand
  const today = new Date().toISOString().slice(0, 10);
  const lots = (held ?? []).filter((one) => one.itemCode === chosen?.medicine && one.quantity > 0 && !(one.expiresOn && one.expiresOn < today));
  const available = lot ? (lots.find((one) => one.lot === lot)?.quantity ?? 0) : lots.reduce((sum, one) => sum + one.quantity, 0);
  const short = held !== null && amount > 0 && amount > available;
  const title = (medicine: string) => {
    const item = items.get(medicine);
    return item ? `${itemName(item, language, medicine)} (${item.unit})` : medicine;
  };

  useEffect(() => {
    if (!open || places) return;
    stockApi.items().then((all) => setItems(new Map(all.map((item) => [item.code, item]))), () => {});
    stockApi.locations().then(
      (all) => {
        const here = all.filter((one) => one.siteId === session?.currentSite?.id);
        setPlaces(here);
        setPlace(here[0]?.id ?? '');
      },
      (error) => setProblem(toProblem(error, t)),
    );
  }, [open]);

  useEffect(() => {
    if (chosen) setQuantity(String(chosen.prescribed || ''));
  }, [line, lines.length]);

  useEffect(() => {
    setHeld(null);
    setLot('');
    if (!open || !place || !chosen) return;
    let live = true;
    stockApi.balances(place, { itemCode: chosen.medicine }).then(
      (balances) => live && setHeld(balances.lots),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [open, place, done, line]);

  // without a lot named, the lots that expire first are proposed for the quantity typed
  useEffect(() => {
    setProposal(null);
    if (!open || !place || !chosen || !(amount > 0) || lot) return;
    let live = true;
    stockApi.proposal(place, chosen.medicine, amount).then(
      (shares) => live && setProposal(shares),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [open, place, line, amount, lot]);

  const dispense = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return;
    setProblem(null);
    setDone(null);
    setBusy(true);
    try {
      const written = await stockApi.dispense({ id: uuidv7(), encounterId, line: chosen.line, locationId: place, lot: lot || undefined, quantity: amount });
      const lots = written.movements.map((movement) => `${movement.lot} × ${-movement.quantity}`).join(', ');
      setDone(t('dispense.done', { medicine: title(chosen.medicine), lots }));
      setProposal(null);
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  if (lines.length === 0) return null;
  if (!open) {
    return (
      <p>
        <button type="button" class="button" onClick={() => setOpen(true)} data-testid="dispense-open">
          {t('dispense.title')}
        </button>
      </p>
    );
  }
  return (
    <section class="stock-dispense" data-testid="dispense">
      <h2>{t('dispense.title')}</h2>
      {places === null ? null : places.length === 0 ? (
        <p class="empty" data-testid="dispense-no-place">
          {t('dispense.noPlace')}
        </p>
      ) : (
        <form onSubmit={dispense}>
          <FormError problem={problem} placed={[]} />
          <div class="field">
            <label for="dispense-line">{t('dispense.line')}</label>
            <select
              id="dispense-line"
              value={String(line)}
              onChange={(event) => {
                setLine(Number(event.currentTarget.value));
                setLot('');
              }}
              data-testid="dispense-line"
            >
              {lines.map((one) => (
                <option key={one.line} value={String(one.line)}>
                  {title(one.medicine)}
                </option>
              ))}
            </select>
          </div>
          <div class="field-row">
            <div class="field">
              <label for="dispense-place">{t('dispense.place')}</label>
              <select id="dispense-place" value={place} onChange={(event) => setPlace(event.currentTarget.value)} data-testid="dispense-place">
                {places.map((one) => (
                  <option key={one.id} value={one.id}>
                    {one.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="dispense-quantity">{t('dispense.quantity')}</label>
              <input id="dispense-quantity" type="number" min="1" value={quantity} onInput={(event) => setQuantity(event.currentTarget.value)} data-testid="dispense-quantity" />
            </div>
          </div>
          <div class="field">
            <label for="dispense-lot">{t('dispense.lot')}</label>
            <select id="dispense-lot" value={lot} onChange={(event) => setLot(event.currentTarget.value)} data-testid="dispense-lot">
              <option value="">{t('dispense.expiringFirst')}</option>
              {lots.map((one) => (
                <option key={one.lot} value={one.lot}>
                  {one.lot}
                  {one.expiresOn ? ` (${formatDate(one.expiresOn, language)})` : ''} · {one.quantity}
                </option>
              ))}
            </select>
          </div>
          {proposal && !short && (
            <p class="hint" data-testid="dispense-proposal">
              {t('dispense.lotsProposed')}{' '}
              {proposal
                .map((share) => `${share.lot}${share.expiresOn ? ` (${formatDate(share.expiresOn, language)})` : ''} × ${share.quantity}`)
                .join(', ')}
            </p>
          )}
          {short && (
            <p class="stock-alert urgent" role="status" data-testid="dispense-shortfall">
              {t('dispense.shortfall', { available: String(available), missing: String(Math.max(0, amount - available)) })}
            </p>
          )}
          <button type="submit" class="button primary" disabled={busy || !place || !(amount > 0) || short} data-testid="dispense-save">
            {t('dispense.button')}
          </button>
          {done && (
            <p class="success" role="status" data-testid="dispense-done">
              {done}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
