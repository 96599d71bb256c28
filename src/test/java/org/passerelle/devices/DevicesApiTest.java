package org.passerelle.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.DomainException;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Devices over the API: a user enrols the device they work on after confirming who they are, sees
 * their own devices, revokes them; administrators see and revoke every device; a revoked device is
 * told so at its next contact, which needs its token but no signed-in user.
 */
@PasserelleTest
class DevicesApiTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Devices devices;

    TestOrganisation organisation;
    ApiSession nurse;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
    }

    @Test
    void enrolsAfterConfirmingIdentityOnceEvenWhenSentTwice() {
        Map<String, Object> enrolment = enrolment("Clinic phone 3");

        ApiSession.Response unconfirmed = nurse.post("/api/devices", enrolment);
        assertThat(unconfirmed.status()).isEqualTo(403);
        assertThat(unconfirmed.text("code")).isEqualTo("reauthentication-required");
        assertThat(nurse.get("/api/devices").body().size()).isZero();

        nurse.confirmIdentity();
        ApiSession.Response enrolled = nurse.post("/api/devices", enrolment);
        ApiSession.Response again = nurse.post("/api/devices", enrolment);

        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
        assertThat(enrolled.body().path("offlineAccessDays").asInt()).isEqualTo(14);
        assertThat(enrolled.body().path("device").path("sites").get(0).asString())
                .isEqualTo(organisation.siteA);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("device")).isEqualTo(enrolled.body().path("device"));
        ApiSession.Response mine = nurse.get("/api/devices");
        assertThat(mine.body().size()).isEqualTo(1);
        assertThat(mine.body().get(0).path("name").asString()).isEqualTo("Clinic phone 3");
        assertThat(auditLines(enrolment.get("id"), "CREATE")).isEqualTo(1);
    }

    @Test
    void refusesAnEnrolmentIdTakenByAnotherUser() {
        Map<String, Object> enrolment = enrolment("Shared phone");
        nurse.confirmIdentity();
        assertThat(nurse.post("/api/devices", enrolment).status()).isEqualTo(201);
        ApiSession colleague = organisation.userAt(organisation.siteA, "CLINICIAN");
        colleague.confirmIdentity();

        ApiSession.Response taken = colleague.post("/api/devices", enrolment);

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("code")).isEqualTo("device-enrolled-by-other");
        assertThat(colleague.get("/api/devices").body().size()).isZero();
    }

    @Test
    void aRevokedDeviceIsToldSoAtItsNextContactWithoutAnyoneSignedIn() {
        Map<String, Object> enrolment = enrolment("Night round tablet");
        nurse.confirmIdentity();
        assertThat(nurse.post("/api/devices", enrolment).status()).isEqualTo(201);
        ApiSession device = anonymous();
        Map<String, Object> contact = Map.of("id", enrolment.get("id"), "token", enrolment.get("token"));
        ApiSession.Response beforeRevocation = device.post("/api/devices/contact", contact);
        assertThat(beforeRevocation.status())
                .as(beforeRevocation.body().toString())
                .isEqualTo(200);
        assertThat(beforeRevocation.body().path("offlineAccessDays").asInt()).isEqualTo(14);
        ApiSession.Response wrongToken =
                device.post("/api/devices/contact", Map.of("id", enrolment.get("id"), "token", token()));
        assertThat(wrongToken.status()).isEqualTo(404);

        ApiSession.Response revoked = nurse.post("/api/devices/" + enrolment.get("id") + "/revocation", Map.of());

        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
        assertThat(revoked.body().hasNonNull("revokedAt")).isTrue();
        assertThat(revoked.body().path("version").asLong()).isEqualTo(2);
        ApiSession.Response afterRevocation = device.post("/api/devices/contact", contact);
        assertThat(afterRevocation.status()).isEqualTo(403);
        assertThat(afterRevocation.text("code")).isEqualTo("device-revoked");
        ApiSession.Response twice = nurse.post("/api/devices/" + enrolment.get("id") + "/revocation", Map.of());
        assertThat(twice.text("code")).isEqualTo("device-already-revoked");
        assertThat(auditLines(enrolment.get("id"), "DELETE")).isEqualTo(1);
    }

    @Test
    void otherModulesLearnWhetherADeviceIsStillEnrolledForItsUser() {
        Map<String, Object> enrolment = enrolment("Sync phone");
        nurse.confirmIdentity();
        assertThat(nurse.post("/api/devices", enrolment).status()).isEqualTo(201);
        UUID deviceId = UUID.fromString(enrolment.get("id").toString());
        UUID nurseId = UUID.fromString(
                nurse.get("/api/session").body().path("user").path("id").asString());

        devices.requireEnrolled(deviceId, nurseId);
        assertThatThrownBy(() -> devices.requireEnrolled(deviceId, UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("device-revoked"));
        assertThatThrownBy(() -> devices.requireEnrolled(UUID.randomUUID(), nurseId))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("device-revoked"));
        assertThat(nurse.post("/api/devices/" + deviceId + "/revocation", Map.of())
                        .status())
                .isEqualTo(200);
        assertThatThrownBy(() -> devices.requireEnrolled(deviceId, nurseId))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("device-revoked"));
    }

    @Test
    void revokingNeedsARecentConfirmationOfIdentity() {
        Map<String, Object> enrolment = enrolment("Laptop");
        nurse.confirmIdentity();
        assertThat(nurse.post("/api/devices", enrolment).status()).isEqualTo(201);
        ApiSession sameUserLater = new ApiSession(port);
        sameUserLater.login(organisation.username(nurse), TestOrganisation.PASSWORD);

        ApiSession.Response unconfirmed =
                sameUserLater.post("/api/devices/" + enrolment.get("id") + "/revocation", Map.of());

        assertThat(unconfirmed.status()).isEqualTo(403);
        assertThat(unconfirmed.text("code")).isEqualTo("reauthentication-required");
        assertThat(nurse.get("/api/devices").body().get(0).hasNonNull("revokedAt"))
                .isFalse();
    }

    @Test
    void administratorsSeeAndRevokeEveryDeviceOtherUsersSeeOnlyTheirOwn() {
        Map<String, Object> enrolment = enrolment("Mobile clinic phone");
        nurse.confirmIdentity();
        assertThat(nurse.post("/api/devices", enrolment).status()).isEqualTo(201);
        ApiSession colleague = organisation.userAt(organisation.siteA, "CLINICIAN");
        colleague.confirmIdentity();
        ApiSession administrator = organisation.userAt(organisation.siteA, "ADMINISTRATOR");
        administrator.enrolSecondFactor();
        administrator.confirmIdentity();

        assertThat(colleague.get("/api/devices/all").status()).isEqualTo(403);
        ApiSession.Response notTheirs = colleague.post("/api/devices/" + enrolment.get("id") + "/revocation", Map.of());
        assertThat(notTheirs.status()).isEqualTo(404);
        List<String> seen = administrator
                .get("/api/devices/all")
                .body()
                .valueStream()
                .map(device -> device.path("id").asString())
                .toList();
        assertThat(seen).contains(enrolment.get("id").toString());

        ApiSession.Response revoked =
                administrator.post("/api/devices/" + enrolment.get("id") + "/revocation", Map.of());

        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
        assertThat(nurse.get("/api/devices").body().get(0).hasNonNull("revokedAt"))
                .isTrue();
    }

    private ApiSession anonymous() {
        ApiSession device = new ApiSession(port);
        assertThat(device.get("/api/session").status()).isEqualTo(401);
        return device;
    }

    private long auditLines(Object recordId, String action) {
        return jdbc.sql(
                        "select count(*) from audit.audit_event where record_id = ? and action = ? and record_type = 'device'")
                .params(UUID.fromString(recordId.toString()), action)
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> enrolment(String name) {
        return Map.of(
                "id", UUID.randomUUID().toString(),
                "installationId", UUID.randomUUID().toString(),
                "name", name,
                "token", token());
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
