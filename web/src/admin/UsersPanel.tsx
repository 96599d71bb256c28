import { useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { FieldErrors } from '../components/FieldErrors';
import { FormError } from '../components/FormError';
import { ROLES, type Role, type Site, type UserAccount } from '../types';
import { TextField } from './TextField';
import { useSubmit } from './useSubmit';

interface Props {
  users: UserAccount[];
  sites: Site[];
  onChanged: () => void;
}

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);
}

export function UsersPanel({ users, sites, onChanged }: Props) {
  const { t } = useApp();
  return (
    <section class="card" aria-labelledby="admin-users">
      <h2 id="admin-users">{t('admin.users')}</h2>
      <UserList users={users} sites={sites} onChanged={onChanged} />
      <NewUserForm sites={sites} onChanged={onChanged} />
    </section>
  );
}

function UserList({ users, sites, onChanged }: Props) {
  const { t } = useApp();
  const { problem, busy, run } = useSubmit();
  const siteName = new Map(sites.map((site) => [site.id, site.name]));
  if (users.length === 0) return <p class="empty">{t('admin.noUsers')}</p>;

  const setEnabled = async (user: UserAccount) => {
    if (await run(() => api.setUserEnabled(user.id, !user.enabled, user.version))) onChanged();
  };

  const resetSecondFactor = async (user: UserAccount) => {
    if (await run(() => api.resetSecondFactor(user.id))) onChanged();
  };

  return (
    <>
      <FormError problem={problem} />
      <ul class="user-list">
        {users.map((user) => (
          <li key={user.id} class={user.enabled ? 'user' : 'user disabled'} data-testid="admin-user-row" data-username={user.username}>
            <div class="user-main">
              <strong>{user.displayName}</strong> <span class="mono">{user.username}</span>
              <span class="badge">{user.enabled ? t('admin.enabled') : t('admin.disabled')}</span>
            </div>
            <div class="muted">
              {user.roles.map((role) => t(`role.${role}`)).join(', ')} ·{' '}
              {user.allSites ? t('admin.allSites') : user.siteIds.map((id) => siteName.get(id) ?? id).join(', ')}
            </div>
            <button
              type="button"
              class="button secondary small"
              disabled={busy}
              onClick={() => setEnabled(user)}
              data-testid="admin-user-toggle"
            >
              {user.enabled ? t('admin.disable') : t('admin.enable')}
            </button>{' '}
            <button
              type="button"
              class="button secondary small"
              disabled={busy}
              onClick={() => resetSecondFactor(user)}
              data-testid="admin-user-reset-second-factor"
            >
              {t('admin.resetSecondFactor')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function NewUserForm({ sites, onChanged }: { sites: Site[]; onChanged: () => void }) {
  const { t } = useApp();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [allSites, setAllSites] = useState(false);
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const { problem, busy, done, run } = useSubmit();

  const create = async (event: Event) => {
    event.preventDefault();
    const account = {
      username: username.trim(),
      displayName: displayName.trim(),
      password,
      roles,
      allSites,
      siteIds: allSites ? [] : siteIds,
    };
    if (await run(() => api.createUser(account))) {
      setUsername('');
      setDisplayName('');
      setPassword('');
      setRoles([]);
      setAllSites(false);
      setSiteIds([]);
      onChanged();
    }
  };

  return (
    <form onSubmit={create} noValidate class="admin-form">
      <FormError problem={problem} placed={['username', 'displayName', 'password', 'roles', 'siteIds', 'allSites']} />
      <div class="field-row">
        <TextField
          id="admin-user-username"
          label={t('admin.username')}
          hint={t('admin.usernameHint')}
          value={username}
          onInput={(value) => setUsername(value.toLowerCase())}
          problem={problem}
          path="username"
        />
        <TextField
          id="admin-user-display-name"
          label={t('admin.displayName')}
          value={displayName}
          onInput={setDisplayName}
          problem={problem}
          path="displayName"
        />
      </div>
      <TextField
        id="admin-user-password"
        type="password"
        autocomplete="new-password"
        label={t('admin.password')}
        hint={t('admin.passwordHint')}
        value={password}
        onInput={setPassword}
        problem={problem}
        path="password"
      />
      <fieldset class="fieldset">
        <legend>{t('admin.roles')}</legend>
        <div class="checkbox-grid">
          {ROLES.map((role) => (
            <label key={role} class="checkbox">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(event) => setRoles(toggle(roles, role, event.currentTarget.checked))}
                data-testid={`admin-user-role-${role}`}
              />
              <span>{t(`role.${role}`)}</span>
            </label>
          ))}
        </div>
        <FieldErrors problem={problem} path="roles" />
      </fieldset>
      <fieldset class="fieldset">
        <legend>{t('admin.userSites')}</legend>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={allSites}
            onChange={(event) => setAllSites(event.currentTarget.checked)}
            data-testid="admin-user-all-sites"
          />
          <span>{t('admin.allSites')}</span>
        </label>
        {!allSites && (
          <div class="checkbox-grid">
            {sites.map((site) => (
              <label key={site.id} class="checkbox">
                <input
                  type="checkbox"
                  checked={siteIds.includes(site.id)}
                  onChange={(event) => setSiteIds(toggle(siteIds, site.id, event.currentTarget.checked))}
                  data-testid="admin-user-site"
                  data-site-name={site.name}
                />
                <span>{site.name}</span>
              </label>
            ))}
          </div>
        )}
        <FieldErrors problem={problem} path="siteIds" />
      </fieldset>
      <button type="submit" class="button primary" disabled={busy} data-testid="admin-user-save">
        {t('admin.createUser')}
      </button>
      {done && <p class="success" role="status">{t('admin.created')}</p>}
    </form>
  );
}
