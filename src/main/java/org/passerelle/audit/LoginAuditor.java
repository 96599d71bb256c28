package org.passerelle.audit;

import org.passerelle.access.AccountChanged;
import org.passerelle.access.LoginAttempted;
import org.passerelle.access.Reauthenticated;
import org.passerelle.access.SecondFactorAttempted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every login attempt (password and second-factor code alike) and every change to the
 * security of an account to the audit log as it happens.
 */
@Component
class LoginAuditor {

    private final AuditLog log;

    LoginAuditor(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(LoginAttempted attempt) {
        String name =
                attempt.username() == null ? "unknown" : attempt.username().strip();
        log.recordSystem(
                attempt.userId(),
                name,
                attempt.succeeded() ? AuditAction.LOGIN : AuditAction.LOGIN_FAILED,
                attempt.succeeded() ? "SUCCESS" : "FAILURE");
    }

    @EventListener
    void on(AccountChanged changed) {
        log.recordAccountChange(changed.userId(), changed.change().name());
    }

    @EventListener
    void on(SecondFactorAttempted attempt) {
        log.recordSystem(
                attempt.userId(),
                attempt.username(),
                attempt.succeeded() ? AuditAction.SECOND_FACTOR : AuditAction.SECOND_FACTOR_FAILED,
                !attempt.succeeded() ? "FAILURE" : attempt.withRecoveryCode() ? "RECOVERY_CODE" : "SUCCESS");
    }

    @EventListener
    void on(Reauthenticated attempt) {
        log.recordSystem(
                attempt.userId(),
                attempt.username(),
                attempt.succeeded() ? AuditAction.REAUTHENTICATION : AuditAction.REAUTHENTICATION_FAILED,
                attempt.succeeded() ? "SUCCESS" : "FAILURE");
    }
}
