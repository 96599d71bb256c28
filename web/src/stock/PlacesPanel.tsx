import { useState } from 'preact/hooks';
import { TextField } from '../admin/TextField';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { stockApi, type StockLocation } from './stockApi';

const KINDS = ['PHARMACY', 'WAREHOUSE', 'MOBILE_BAG', 'SHELTER_STORE'] as const;
type Kind = (typeof KINDS)[number];

interface Props {
  locations: StockLocation[];
  onChanged: (chosen?: string) => void;
}

/**
 * The places of the user's sites, for those who keep them (logisticians, coordinators,
 * administrators): add one at a site, rename one, close one that holds nothing any more. A refusal
 * says why in the user's language and changes nothing.
 */
export function PlacesPanel({ locations, onChanged }: Props) {
  const { t, session } = useApp();
  const sites = session?.sites ?? [];
  const [site, setSite] = useState(session?.currentSite?.id ?? sites[0]?.id ?? '');
  const [kind, setKind] = useState<Kind>('PHARMACY');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // open at first when there is no place yet, then as the user leaves it (not closed by an addition)
  const [open, setOpen] = useState(locations.length === 0);
  const siteName = (id: string) => sites.find((one) => one.id === id)?.name ?? '';

  const act = async (work: () => Promise<string | undefined>, done: string) => {
    setProblem(null);
    setSaid(null);
    setBusy(true);
    try {
      const chosen = await work();
      setSaid(done);
      onChanged(chosen);
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  const add = (event: Event) => {
    event.preventDefault();
    act(async () => {
      const added = await stockApi.addLocation({ id: uuidv7(), siteId: site, kind, name });
      setName('');
      return added.id;
    }, t('stock.placeAdded'));
  };

  const rename = (place: StockLocation) =>
    act(async () => {
      await stockApi.renameLocation(place.id, newName, place.version);
      setEditing(null);
      return place.id;
    }, t('stock.placeRenamed'));

  const close = (place: StockLocation) =>
    act(async () => {
      await stockApi.closeLocation(place.id, place.version);
      return undefined;
    }, t('stock.placeClosed'));

  return (
    <details
      class="stock-places"
      data-testid="stock-places"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t('stock.places')}</summary>
      <FormError problem={problem} placed={['name']} />
      {said && (
        <p class="success" role="status" data-testid="stock-place-done">
          {said}
        </p>
      )}
      <ul class="result-list">
        {locations.map((place) => (
          <li key={place.id} data-testid="stock-place">
            {editing === place.id ? (
              <form
                class="field-row"
                onSubmit={(event) => {
                  event.preventDefault();
                  rename(place);
                }}
              >
                <TextField id={`stock-rename-${place.id}`} label={t('stock.placeName')} value={newName} onInput={setNewName} problem={problem} path="name" />
                <button type="submit" class="button primary" disabled={busy} data-testid="stock-rename-save">
                  {t('stock.rename')}
                </button>
                <button type="button" class="button" onClick={() => setEditing(null)}>
                  {t('form.back')}
                </button>
              </form>
            ) : (
              <>
                <span dir="auto">{place.name}</span> · {t(`stock.kind.${place.kind}`)} · {siteName(place.siteId)}{' '}
                <button
                  type="button"
                  class="button"
                  onClick={() => {
                    setEditing(place.id);
                    setNewName(place.name);
                  }}
                  data-testid="stock-rename"
                >
                  {t('stock.rename')}
                </button>{' '}
                <button type="button" class="button" disabled={busy} onClick={() => close(place)} data-testid="stock-close">
                  {t('stock.closePlace')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <p class="hint">{t('stock.closeHint')}</p>
      <form onSubmit={add} data-testid="stock-add-place">
        <h3>{t('stock.addPlace')}</h3>
        <div class="field-row">
          <div class="field">
            <label for="stock-place-site">{t('stock.placeSite')}</label>
            <select id="stock-place-site" value={site} onChange={(event) => setSite(event.currentTarget.value)} data-testid="stock-place-site">
              {sites.map((one) => (
                <option key={one.id} value={one.id}>
                  {one.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="stock-place-kind">{t('stock.placeKind')}</label>
            <select id="stock-place-kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as Kind)} data-testid="stock-place-kind">
              {KINDS.map((one) => (
                <option key={one} value={one}>
                  {t(`stock.kind.${one}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField id="stock-place-name" label={t('stock.placeName')} value={name} onInput={setName} problem={problem} path="name" />
        </div>
        <button type="submit" class="button primary" disabled={busy || !site} data-testid="stock-add-place-save">
          {t('stock.addPlace')}
        </button>
      </form>
    </details>
  );
}
