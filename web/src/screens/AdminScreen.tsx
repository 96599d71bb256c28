import { useEffect, useState } from 'preact/hooks';
import { AuditPanel } from '../admin/AuditPanel';
import { Dhis2Panel } from '../admin/Dhis2Panel';
import { BackupsPanel } from '../admin/BackupsPanel';
import { KeyRotationPanel } from '../admin/KeyRotationPanel';
import { ProgrammesPanel } from '../admin/ProgrammesPanel';
import { RetentionPanel } from '../admin/RetentionPanel';
import { SitesPanel } from '../admin/SitesPanel';
import { UsersPanel } from '../admin/UsersPanel';
import { api } from '../api';
import { hasRole, useApp } from '../appContext';
import { LoadFailed, Loading } from '../components/Loading';
import { DevicesPanel } from '../offline/DevicesSection';
import { toProblem } from '../problems';
import type { Problem, Programme, Site, UserAccount } from '../types';

interface Directory {
  programmes: Programme[];
  sites: Site[];
  users: UserAccount[];
}

/** Programmes, sites, users, the audit log and retention, for administrators. */
export function AdminScreen() {
  const { session, setSession, t } = useApp();
  const [directory, setDirectory] = useState<Directory | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const allowed = hasRole(session, 'ADMINISTRATOR');

  const load = async () => {
    setProblem(null);
    try {
      const [programmes, sites, users] = await Promise.all([api.programmes(), api.sites(), api.users()]);
      setDirectory({ programmes, sites, users });
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  /** After a change, reload the lists and the session (a new site may now be choosable). */
  const changed = async () => {
    await load();
    try {
      const fresh = await api.session();
      if (fresh) setSession(fresh);
    } catch {
      // The lists are up to date; the header catches up at the next load.
    }
  };

  useEffect(() => {
    if (allowed) load();
  }, [allowed]);

  if (!allowed) {
    return (
      <section class="card">
        <p class="form-error" role="alert">
          {t('app.forbidden')}
        </p>
      </section>
    );
  }
  if (problem) return <LoadFailed problem={problem} onRetry={load} />;
  if (!directory) return <Loading />;

  return (
    <div class="admin">
      <h1>{t('admin.title')}</h1>
      <ProgrammesPanel programmes={directory.programmes} onChanged={changed} />
      <SitesPanel programmes={directory.programmes} sites={directory.sites} onChanged={changed} />
      <UsersPanel users={directory.users} sites={directory.sites} onChanged={changed} />
      <DevicesPanel />
      <AuditPanel />
      <RetentionPanel />
      <KeyRotationPanel />
      <BackupsPanel />
      <Dhis2Panel />
    </div>
  );
}
