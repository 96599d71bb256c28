import { useApp } from '../appContext';

/** How many changes wait in the outbox; shown while a device is unlocked, so nobody thinks they were sent. */
export function OutboxIndicator({ count }: { count: number }) {
  const { t } = useApp();
  return (
    <p class="outbox-indicator" role="status" data-testid="outbox-indicator" data-count={count}>
      {count === 0 ? t('offline.outboxEmpty') : t.plural('offline.outbox', count)}
    </p>
  );
}
