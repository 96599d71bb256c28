import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import type { DeviceSession } from './deviceSession';
import { queuePersonEdit, type EditableField } from './offlineWork';
import type { LocalPerson } from './store';

interface Props {
  device: DeviceSession;
  person: LocalPerson;
  onSaved: () => void;
  onCancel: () => void;
}

/** Corrects a synced person's chosen name or phone on the device; the change waits in the outbox. */
export function OfflinePersonEdit({ device, person, onSaved, onCancel }: Props) {
  const { t } = useApp();
  const text = (field: EditableField) => (typeof person[field] === 'string' ? (person[field]) : '');
  const [edited, setEdited] = useState<Record<EditableField, string>>({ chosenName: text('chosenName'), phone: text('phone') });
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (edited.chosenName.trim() === '') return;
    setBusy(true);
    try {
      await queuePersonEdit(device, person, edited);
      onSaved();
    } finally {
      setBusy(false);
    }
  };

  const field = (name: EditableField, label: string, type = 'text') => (
    <div class="field">
      <label for={`offline-edit-${name}`}>{label}</label>
      <input id={`offline-edit-${name}`} type={type} dir="auto" value={edited[name]} required={name === 'chosenName'}
        onInput={(event) => setEdited({ ...edited, [name]: event.currentTarget.value })} data-testid={`offline-edit-${name}`} />
    </div>
  );

  return (
    <form class="offline-edit" onSubmit={submit} noValidate data-testid="offline-edit">
      <h2>{t('offline.editTitle')}</h2>
      <p class="hint">{t('offline.editExplanation')}</p>
      {field('chosenName', t('offline.chosenName'))}
      {field('phone', t('offline.phone'), 'tel')}
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy || edited.chosenName.trim() === ''} data-testid="offline-edit-save">
          {t('offline.save')}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>{t('app.cancel')}</button>
      </div>
    </form>
  );
}
