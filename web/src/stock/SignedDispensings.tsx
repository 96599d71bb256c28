import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import './stock.css';
import { itemName, stockApi, type SignedDispensing, type StockItem, type StockLocation } from './stockApi';

/**
 * What signing the consultation dispensed from the place the clinician named, line by line, and
 * why a line was not (too little at the place, no number of days): shown on the signed
 * consultation, above the form that dispenses what is left.
 */
export function SignedDispensings({ encounterId }: { encounterId: string }) {
  const { t, language } = useApp();
  const [outcomes, setOutcomes] = useState<SignedDispensing[]>([]);
  const [items, setItems] = useState<Map<string, StockItem>>(new Map());
  const [places, setPlaces] = useState<Map<string, StockLocation>>(new Map());

  useEffect(() => {
    let live = true;
    stockApi.signedDispensings(encounterId).then(
      (found) => {
        if (!live || found.length === 0) return;
        setOutcomes(found);
        stockApi.items().then((all) => live && setItems(new Map(all.map((item) => [item.code, item]))), () => {});
        stockApi.locations().then((all) => live && setPlaces(new Map(all.map((place) => [place.id, place]))), () => {});
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [encounterId]);

  if (outcomes.length === 0) return null;
  const medicine = (code: string) => {
    const item = items.get(code);
    return item ? `${itemName(item, language, code)} (${item.unit})` : code;
  };
  return (
    <section class="stock-dispense" data-testid="signed-dispensings">
      <h2>{t('dispense.signedTitle')}</h2>
      <ul class="result-list">
        {outcomes.map((outcome) => {
          const values = {
            medicine: medicine(outcome.itemCode),
            quantity: String(outcome.quantity),
            place: places.get(outcome.locationId)?.name ?? '',
          };
          if (outcome.outcome === 'DISPENSED') {
            const lots = outcome.lots.map((share) => `${share.lot} × ${share.quantity}`).join(', ');
            return (
              <li key={outcome.line} class="success" data-testid="signed-dispensed">
                {t('dispense.signedDone', { ...values, lots })}
              </li>
            );
          }
          const available = outcome.held ?? 0;
          const text =
            outcome.problem === 'stock-insufficient'
              ? t('dispense.signedShort', {
                  ...values,
                  available: String(available),
                  missing: String(Math.max(0, outcome.quantity - available)),
                })
              : outcome.problem === 'stock-quantity-not-positive'
                ? t('dispense.signedNoDays', values)
                : t('dispense.signedRefused', values);
          return (
            <li key={outcome.line} class="stock-alert urgent" data-testid="signed-refused">
              {text}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * The place a clinician's signature dispenses the prescription from: the places of the current
 * site, the first proposed, or none. Shown only when the consultation prescribes something.
 */
export function DispenseOnSigning({ value, onChange }: { value: string; onChange: (place: string) => void }) {
  const { t, session } = useApp();
  const [places, setPlaces] = useState<StockLocation[]>([]);

  useEffect(() => {
    let live = true;
    stockApi.locations().then(
      (all) => {
        if (!live) return;
        const here = all.filter((one) => one.siteId === session?.currentSite?.id);
        setPlaces(here);
        const first = here[0];
        if (first && !value) onChange(first.id);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);

  if (places.length === 0) return null;
  return (
    <div class="field">
      <label for="dispense-on-signing">{t('dispense.onSigning')}</label>
      <select id="dispense-on-signing" value={value} onChange={(event) => onChange(event.currentTarget.value)} data-testid="dispense-on-signing">
        {places.map((one) => (
          <option key={one.id} value={one.id}>
            {one.name}
          </option>
        ))}
        <option value="none">{t('dispense.notOnSigning')}</option>
      </select>
    </div>
  );
}
