package org.passerelle.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.support.ApiSession;
import org.passerelle.support.RunningApplication;

class MasterKeyRotationTest {

    @TempDir
    Path dataDirectory;

    @Test
    void readsPeopleAfterTheMasterKeyIsRotatedAndTheOldOneDropped() {
        String oldKey = randomKey();
        String newKey = randomKey();
        String personId;
        try (RunningApplication app = start(Map.of("passerelle.security.master-key", oldKey))) {
            ApiSession admin = app.adminSession();
            String programme = admin.post("/api/programmes", Map.of("code", "ROTATE", "name", "Rotation"))
                    .text("id");
            String site = admin.post("/api/sites", Map.of("programmeId", programme, "name", "Calais", "kind", "FIXED"))
                    .text("id");
            admin.put("/api/session/site", Map.of("siteId", site));
            personId = admin.post("/api/people", Map.of("details", Map.of("chosenName", "Abebe Bikila", "sex", "MALE")))
                    .text("id");
        }

        try (RunningApplication app = start(
                Map.of("passerelle.security.master-key", newKey, "passerelle.security.previous-master-keys", oldKey))) {
            assertThat(app.adminSession().get("/api/people/" + personId).text("chosenName"))
                    .isEqualTo("Abebe Bikila");
            assertThat(app.bean(KeyEpochs.class).rewrapWithCurrentMasterKey()).isPositive();
            assertThat(app.bean(KeyEpochs.class).rewrapWithCurrentMasterKey()).isZero();
        }

        try (RunningApplication app = start(Map.of("passerelle.security.master-key", newKey))) {
            assertThat(app.adminSession().get("/api/people/" + personId).text("chosenName"))
                    .isEqualTo("Abebe Bikila");
        }
    }

    private RunningApplication start(Map<String, String> keys) {
        Map<String, String> properties = new java.util.HashMap<>(keys);
        properties.put("passerelle.database.data-directory", dataDirectory.toString());
        return RunningApplication.start(properties);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
