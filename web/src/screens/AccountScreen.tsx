import { useApp } from '../appContext';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { SecondFactorSection } from '../components/SecondFactorSection';
import { DevicesSection } from '../offline/DevicesSection';

/** Who the user is, and where they change their password and set up two-step verification. */
export function AccountScreen() {
  const { session, t } = useApp();
  if (!session) return null;
  const { user } = session;

  return (
    <>
      <section class="card" aria-labelledby="account-title">
        <h1 id="account-title">{t('account.title')}</h1>
        <dl class="facts">
          <div class="fact">
            <dt>{t('account.displayName')}</dt>
            <dd data-testid="account-display-name">{user.displayName}</dd>
          </div>
          <div class="fact">
            <dt>{t('account.username')}</dt>
            <dd class="mono" data-testid="account-username">
              {user.username}
            </dd>
          </div>
          <div class="fact">
            <dt>{t('account.roles')}</dt>
            <dd data-testid="account-roles">
              {user.roles.length === 0 ? t('app.none') : user.roles.map((role) => t(`role.${role}`)).join(', ')}
            </dd>
          </div>
        </dl>
      </section>
      <SecondFactorSection />
      <DevicesSection />
      <ChangePasswordForm />
    </>
  );
}
