import { useApp } from '../appContext';
import { Link } from '../components/Link';

export function NotFoundScreen() {
  const { t } = useApp();
  return (
    <section class="card">
      <h1>{t('app.notFound')}</h1>
      <Link href="/" class="button secondary">
        {t('app.backHome')}
      </Link>
    </section>
  );
}
