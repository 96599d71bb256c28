import { useApp } from '../appContext';
import { formatDateTime } from '../format';
import type { AuditEntry } from '../types';

/** Who did what, when: the audit log as a data officer reads it. */
export function AuditTable({ entries, showRecord = false }: { entries: AuditEntry[]; showRecord?: boolean }) {
  const { t, language } = useApp();
  if (entries.length === 0) return <p class="empty">{t('audit.empty')}</p>;
  return (
    <div class="table-scroll">
      <table class="data-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.action')}</th>
            {showRecord && <th scope="col">{t('audit.record')}</th>}
            <th scope="col">{t('audit.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-entry">
              <td dir="ltr">{formatDateTime(entry.occurredAt, language)}</td>
              <td>{entry.actorName}</td>
              <td>{t(`auditAction.${entry.action}`)}</td>
              {showRecord && (
                <td class="mono" dir="ltr">
                  {entry.recordType ?? ''} {entry.recordId ? entry.recordId.slice(0, 8) : ''}
                </td>
              )}
              <td>{entry.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
