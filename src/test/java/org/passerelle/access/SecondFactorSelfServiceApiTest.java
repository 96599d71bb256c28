package org.passerelle.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.passerelle.support.TotpCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PasserelleTest
class SecondFactorSelfServiceApiTest {

    private static final String RECOVERY_CODES = "/api/session/second-factor/recovery-codes";
    private static final String REPLACEMENT = "/api/session/second-factor/replacement";
    private static final String REMOVAL = "/api/session/second-factor/removal";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
    }

    @Test
    void issuesNewRecoveryCodesThatReplaceTheOldOnes() {
        ApiSession user = newUser("CLINICIAN");
        String username = organisation.username(user);
        List<String> old = user.enrolSecondFactor();

        ApiSession.Response renewed = user.post(RECOVERY_CODES, proof(TotpCodes.fresh(secretOf(user))));

        assertThat(renewed.status()).as(renewed.body().toString()).isEqualTo(200);
        List<String> codes = recoveryCodes(renewed);
        assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(old);
        assertThat(loginWith(username, old.get(1)).status()).isEqualTo(401);
        assertThat(loginWith(username, codes.get(1)).status()).isEqualTo(200);
        assertThat(user.get("/api/session").status()).isEqualTo(200);
        assertThat(audited(user)).contains("ACCOUNT_CHANGE RECOVERY_CODES_RENEWED");
    }

    @Test
    void refusesARecoveryCodeAsProofForNewRecoveryCodesAndLeavesItUnused() {
        ApiSession user = newUser("CLINICIAN");
        String username = organisation.username(user);
        List<String> old = user.enrolSecondFactor();

        ApiSession.Response refused = user.post(RECOVERY_CODES, proof(old.getFirst()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("totp-code-required");
        assertThat(fieldOf(refused)).isEqualTo("code");
        assertThat(loginWith(username, old.getFirst()).status()).isEqualTo(200);
        assertThat(audited(user))
                .contains("SECOND_FACTOR_FAILED FAILURE")
                .doesNotContain("ACCOUNT_CHANGE RECOVERY_CODES_RENEWED");
    }

    @Test
    void refusesAWrongPasswordOrCodeWithoutSpendingTheCodeOrChangingAnything() {
        ApiSession user = newUser("CLINICIAN");
        String username = organisation.username(user);
        List<String> old = user.enrolSecondFactor();
        String code = TotpCodes.fresh(secretOf(user));

        ApiSession.Response wrongPassword =
                user.post(RECOVERY_CODES, Map.of("password", "not-my-password", "code", code));
        ApiSession.Response wrongCode = user.post(RECOVERY_CODES, proof(wrongCode(secretOf(user))));
        ApiSession.Response wrongRecoveryCode = user.post(REPLACEMENT, proof("abcde-fghjk"));
        ApiSession.Response empty = user.post(REPLACEMENT, Map.of("password", TestOrganisation.PASSWORD, "code", ""));

        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword.text("code")).isEqualTo("wrong-password");
        assertThat(fieldOf(wrongPassword)).isEqualTo("password");
        assertThat(wrongCode.status()).isEqualTo(400);
        assertThat(wrongCode.text("code")).isEqualTo("invalid-code");
        assertThat(fieldOf(wrongCode)).isEqualTo("code");
        assertThat(wrongRecoveryCode.status()).isEqualTo(400);
        assertThat(fieldOf(wrongRecoveryCode)).isEqualTo("code");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fieldOf(empty)).isEqualTo("code");
        assertThat(audited(user))
                .filteredOn("SECOND_FACTOR_FAILED FAILURE"::equals)
                .hasSize(3);
        assertThat(audited(user)).doesNotContain("ACCOUNT_CHANGE RECOVERY_CODES_RENEWED");
        assertThat(replacementPending(user)).isFalse();
        assertThat(loginWith(username, old.getFirst()).status()).isEqualTo(200);

        ApiSession.Response withTheSameCode = user.post(RECOVERY_CODES, proof(code));

        assertThat(withTheSameCode.status())
                .as(withTheSameCode.body().toString())
                .isEqualTo(200);
    }

    @Test
    void throttlesWrongProofsLikeWrongPasswords() {
        ApiSession user = newUser("CLINICIAN");
        user.enrolSecondFactor();

        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            ApiSession.Response wrong =
                    user.post(REPLACEMENT, Map.of("password", "guess-number-" + i, "code", "123456"));
            assertThat(wrong.status()).isEqualTo(400);
        }
        ApiSession.Response throttled = user.post(REPLACEMENT, proof(TotpCodes.fresh(secretOf(user))));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.text("code")).isEqualTo("too-many-attempts");
        assertThat(replacementPending(user)).isFalse();
    }

    @Test
    void replacesTheAuthenticatorOnlyOnceTheNewOneIsConfirmed() {
        ApiSession phone = newUser("CLINICIAN");
        String username = organisation.username(phone);
        List<String> old = phone.enrolSecondFactor();
        String oldSecret = secretOf(phone);
        ApiSession laptop = new ApiSession(port);
        assertThat(loginWith(laptop, username, old.get(2)).status()).isEqualTo(200);

        ApiSession.Response nothingStarted = phone.put(REPLACEMENT, Map.of("code", "123456"));
        ApiSession.Response started = phone.post(REPLACEMENT, proof(old.getFirst()));

        assertThat(nothingStarted.status()).isEqualTo(400);
        assertThat(nothingStarted.text("code")).isEqualTo("no-second-factor-replacement");
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        String newSecret = started.text("secret");
        assertThat(newSecret).matches("[A-Z2-7]{32}").isNotEqualTo(oldSecret);
        assertThat(started.text("uri")).startsWith("otpauth://totp/").contains("secret=" + newSecret);
        ApiSession beforeConfirmation = new ApiSession(port);
        assertThat(loginWith(beforeConfirmation, username, TotpCodes.fresh(oldSecret))
                        .status())
                .isEqualTo(200);

        ApiSession.Response wrong = phone.put(REPLACEMENT, Map.of("code", wrongCode(newSecret)));
        ApiSession.Response confirmed = phone.put(REPLACEMENT, Map.of("code", TotpCodes.fresh(newSecret)));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text("code")).isEqualTo("invalid-code");
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        TotpCodes.remember(idOf(phone), newSecret);
        List<String> codes = recoveryCodes(confirmed);
        assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(old);
        assertThat(phone.get("/api/session").status()).isEqualTo(200);
        assertThat(laptop.get("/api/session").status()).isEqualTo(401);
        assertThat(beforeConfirmation.get("/api/session").status()).isEqualTo(401);
        assertThat(loginWith(username, TotpCodes.fresh(oldSecret)).status()).isEqualTo(401);
        assertThat(loginWith(username, old.get(1)).status()).isEqualTo(401);
        assertThat(loginWith(username, TotpCodes.fresh(newSecret)).status()).isEqualTo(200);
        assertThat(loginWith(username, codes.getFirst()).status()).isEqualTo(200);
        assertThat(audited(phone)).contains("SECOND_FACTOR RECOVERY_CODE", "ACCOUNT_CHANGE SECOND_FACTOR_REPLACED");
    }

    @Test
    void refusesToTurnOffAMandatorySecondFactor() {
        for (String role : List.of("DATA_OFFICER", "ADMINISTRATOR")) {
            ApiSession user = newUser(role);
            String username = organisation.username(user);
            List<String> codes = user.enrolSecondFactor();

            ApiSession.Response refused = user.post(REMOVAL, proof(codes.getFirst()));

            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.text("code")).isEqualTo("second-factor-mandatory");
            assertThat(new ApiSession(port)
                            .login(username, TestOrganisation.PASSWORD)
                            .body()
                            .path("secondFactorRequired")
                            .asBoolean())
                    .as(role)
                    .isTrue();
            assertThat(loginWith(username, codes.getFirst()).status()).as(role).isEqualTo(200);
        }
    }

    @Test
    void letsAClinicianTurnOffTwoStepVerification() {
        ApiSession phone = newUser("CLINICIAN");
        String username = organisation.username(phone);
        List<String> codes = phone.enrolSecondFactor();
        ApiSession laptop = new ApiSession(port);
        assertThat(loginWith(laptop, username, codes.get(2)).status()).isEqualTo(200);

        ApiSession.Response wrong = phone.post(REMOVAL, Map.of("password", "not-my-password", "code", codes.get(1)));
        ApiSession.Response removed = phone.post(REMOVAL, proof(TotpCodes.fresh(secretOf(phone))));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fieldOf(wrong)).isEqualTo("password");
        assertThat(removed.status()).as(removed.body().toString()).isEqualTo(204);
        assertThat(phone.get("/api/session")
                        .body()
                        .path("secondFactor")
                        .path("enrolled")
                        .asBoolean())
                .isFalse();
        assertThat(laptop.get("/api/session").status()).isEqualTo(401);
        ApiSession.Response again = new ApiSession(port).login(username, TestOrganisation.PASSWORD);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("secondFactorRequired").asBoolean()).isFalse();
        assertThat(phone.post(RECOVERY_CODES, proof(codes.get(1))).text("code")).isEqualTo("no-second-factor");
        assertThat(audited(phone)).contains("ACCOUNT_CHANGE SECOND_FACTOR_REMOVED");
    }

    private ApiSession newUser(String role) {
        return organisation.userAt(organisation.siteA, role);
    }

    private static Map<String, String> proof(String code) {
        return Map.of("password", TestOrganisation.PASSWORD, "code", code);
    }

    /** Logs in afresh with the password and this code; returns the answer to the code. */
    private ApiSession.Response loginWith(String username, String code) {
        return loginWith(new ApiSession(port), username, code);
    }

    private static ApiSession.Response loginWith(ApiSession session, String username, String code) {
        ApiSession.Response login = session.login(username, TestOrganisation.PASSWORD);
        assertThat(login.body().path("secondFactorRequired").asBoolean()).isTrue();
        return session.post("/api/session/second-factor", Map.of("code", code));
    }

    private static String idOf(ApiSession session) {
        return session.get("/api/session").body().path("user").path("id").asString();
    }

    private static String secretOf(ApiSession session) {
        return TotpCodes.secretOf(idOf(session)).orElseThrow();
    }

    private boolean replacementPending(ApiSession session) {
        return jdbc.sql("select replacement_secret is not null from access.second_factor where user_id = ?::uuid")
                .param(idOf(session))
                .query(Boolean.class)
                .single();
    }

    private static String fieldOf(ApiSession.Response response) {
        return response.body().path("fieldErrors").path(0).path("field").asString();
    }

    private static List<String> recoveryCodes(ApiSession.Response response) {
        List<String> codes = new ArrayList<>();
        response.body().path("recoveryCodes").forEach(code -> codes.add(code.asString()));
        return codes;
    }

    /** The user's audit lines as action and outcome, oldest first. */
    private List<String> audited(ApiSession session) {
        return jdbc.sql("select action || ' ' || outcome from audit.audit_event where actor_id = ?::uuid order by id")
                .param(idOf(session))
                .query(String.class)
                .list();
    }

    /** A code that is none of the three the server would accept now. */
    private static String wrongCode(String secret) {
        long step = TotpCodes.step(MovableClock.now());
        List<String> valid = List.of(
                TotpCodes.code(secret, step - 1), TotpCodes.code(secret, step), TotpCodes.code(secret, step + 1));
        for (int candidate = 0; ; candidate++) {
            String code = String.format(Locale.ROOT, "%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }
}
