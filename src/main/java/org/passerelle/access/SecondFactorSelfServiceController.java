package org.passerelle.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.passerelle.access.SecondFactorController.CodeEntry;
import org.passerelle.access.SecondFactorController.RecoveryCodesView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A logged-in user's changes to their own second factor, each confirmed with their password and a
 * code: new recovery codes, a new authenticator app, turning two-step verification off.
 */
@RestController
@RequestMapping("/api/session/second-factor")
class SecondFactorSelfServiceController {

    /** The password and a code: a TOTP code, or a recovery code where the phone may be lost. */
    record Proof(
            @NotBlank @Size(max = 256) String password,
            @NotBlank @Size(max = 32) String code) {}

    private final SecondFactorSelfService selfService;
    private final SecondFactorProof proof;
    private final CurrentUsers currentUsers;
    private final UserSessions sessions;

    SecondFactorSelfServiceController(
            SecondFactorSelfService selfService,
            SecondFactorProof proof,
            CurrentUsers currentUsers,
            UserSessions sessions) {
        this.selfService = selfService;
        this.proof = proof;
        this.currentUsers = currentUsers;
        this.sessions = sessions;
    }

    /** New recovery codes, proven with a code from the app (not with a recovery code). */
    @PostMapping("/recovery-codes")
    RecoveryCodesView renewRecoveryCodes(@Valid @RequestBody Proof given, HttpServletRequest request) {
        CurrentUser user = currentUsers.current();
        proof.check(
                user, request.getRemoteAddr(), given.password(), given.code(), SecondFactorProof.Accepted.TOTP_ONLY);
        return new RecoveryCodesView(selfService.renewRecoveryCodes(user.id()));
    }

    /**
     * Starts moving to a new authenticator app, proven with a code from the current app or a
     * recovery code when the phone is lost; the current app keeps working until confirmation.
     */
    @PostMapping("/replacement")
    SecondFactors.Enrolment beginReplacement(@Valid @RequestBody Proof given, HttpServletRequest request) {
        CurrentUser user = currentUsers.current();
        proof.check(
                user,
                request.getRemoteAddr(),
                given.password(),
                given.code(),
                SecondFactorProof.Accepted.TOTP_OR_RECOVERY_CODE);
        return selfService.beginReplacement(user.id(), user.username());
    }

    /**
     * Confirms the new app with a first code from it: the old secret and recovery codes stop
     * working, this session gets a new id and the user's other sessions end.
     */
    @PutMapping("/replacement")
    RecoveryCodesView confirmReplacement(@Valid @RequestBody CodeEntry entry, HttpServletRequest request) {
        CurrentUser user = currentUsers.current();
        List<String> codes = selfService.confirmReplacement(user.id(), entry.code());
        request.changeSessionId();
        sessions.endAll(user.id(), request.getSession());
        return new RecoveryCodesView(codes);
    }

    /**
     * Turns two-step verification off for a user whose roles do not require it; this session gets
     * a new id and the user's other sessions end.
     */
    @PostMapping("/removal")
    ResponseEntity<Void> remove(@Valid @RequestBody Proof given, HttpServletRequest request) {
        CurrentUser user = currentUsers.current();
        selfService.requireOptional(user);
        proof.check(
                user,
                request.getRemoteAddr(),
                given.password(),
                given.code(),
                SecondFactorProof.Accepted.TOTP_OR_RECOVERY_CODE);
        selfService.remove(user);
        request.changeSessionId();
        sessions.endAll(user.id(), request.getSession());
        return ResponseEntity.noContent().build();
    }
}
