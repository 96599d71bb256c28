package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.platform.crypto.BlindIndex;
import org.passerelle.platform.crypto.CryptoException;
import org.passerelle.platform.crypto.KeyEpochs;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.platform.database.DatabaseProperties;
import org.passerelle.platform.database.VaultDatabase;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erasure against copies taken before it: a copy of the data (the blind index and the sealed
 * values), a copy of the key vault and a copy of the write-ahead log are kept, the person is erased
 * and the key epochs rotate; then none of the copies gives anything back with the keys that exist.
 */
@PasserelleTest
class ErasureCopiesTest {

    private static final String NAME_PREFIX = "name-prefix";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    VaultDatabase vaultDatabase;

    @Autowired
    SubjectKeys keys;

    @Autowired
    KeyEpochs epochs;

    @Autowired
    BlindIndex index;

    @Autowired
    KeyRotationJob rotationJob;

    @Autowired
    DatabaseProperties database;

    @Autowired
    Clock clock;

    @TempDir
    Path walCopy;

    TestOrganisation organisation;
    ApiSession clinician;
    ApiSession dataOfficer;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.confirmIdentity(dataOfficer.enrolSecondFactor().getFirst());
    }

    @Test
    void noCopyTakenBeforeTheErasureGivesThePersonBackOnceTheKeysRotated() throws IOException {
        String family = "Qwzyxhar" + letters();
        UUID personId = register("Selamawit " + family, "+33 6 12 34 56 78", "Selam " + family);
        UUID otherId = register("Keep Visible Tesfamariam", null, null);
        ApiSession.Response consultation = clinician.post(
                "/api/consultations",
                Map.of("personId", personId.toString(), "discipline", "MEDICAL", "note", "PEP started " + family));
        assertThat(consultation.status()).as(consultation.body().toString()).isEqualTo(201);
        assertThat(count("select count(*) from care.encounter where person_id = ?", personId))
                .isOne();

        // the copies an attacker keeps
        List<byte[]> tokenCopy = jdbc.sql("select token from people.person_token where person_id = ?")
                .param(personId)
                .query(byte[].class)
                .list();
        byte[] sealedName = jdbc.sql("select chosen_name from people.person where id = ?")
                .param(personId)
                .query(byte[].class)
                .single();
        VaultRow vaultCopy = vaultRow(personId);
        copyWal();

        // with the keys of today, every copy can still be read
        assertThat(tokenCopy).anySatisfy(token -> assertThat(token).isEqualTo(index.of(NAME_PREFIX, prefix(family))));
        assertThat(keys.existingKey(personId).orElseThrow().open(PersonRepository.CHOSEN_NAME, sealedName))
                .isEqualTo("Selamawit " + family);
        assertThat(walCopyContains(vaultCopy.wrappedKey()))
                .as("the copy of the WAL holds the wrapped key")
                .isTrue();

        ApiSession.Response erased =
                dataOfficer.post("/api/people/" + personId + "/erasure", Map.of("reason", "PERSON_REQUEST"));
        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(204);

        assertThat(liveWalContains(vaultCopy.wrappedKey()))
                .as("right after the erasure, the live WAL no longer holds the wrapped key")
                .isFalse();
        assertThat(liveWalContains(sealedName)).as("nor the sealed name").isFalse();
        assertThat(keys.erasurePendingSince()).isPresent();
        assertThat(rotationJob.runAt(clock.instant().plus(Duration.ofDays(6))))
                .as("no rotation before the delay")
                .isFalse();
        int epochBefore = epochs.searchEpoch();

        assertThat(rotationJob.runAt(clock.instant().plus(Duration.ofDays(7).plusMinutes(1))))
                .as("the rotation runs once an erasure waited the delay")
                .isTrue();

        assertThat(epochs.searchEpoch()).isGreaterThan(epochBefore);
        assertThat(keys.erasurePendingSince()).isEmpty();
        assertThat(Files.exists(
                        database.dataDirectory().toAbsolutePath().resolve("keys/epochs/" + epochBefore + ".key")))
                .as("the old epoch's key file is destroyed")
                .isFalse();
        // the copy of the index confirms no prefix of the name under the index key of today
        List<byte[]> guesses = prefixesOf("Selamawit", "Selam", family).stream()
                .map(prefix -> index.of(NAME_PREFIX, prefix))
                .toList();
        assertThat(tokenCopy).noneMatch(token -> guesses.stream().anyMatch(guess -> Arrays.equals(guess, token)));
        // the live WAL holds neither
        assertThat(liveWalContains(vaultCopy.wrappedKey())).isFalse();
        assertThat(liveWalContains(sealedName)).isFalse();
        // the copy of the vault, restored (which writes it to the WAL again), opens with no key of today, even
        // relabelled to today's epoch
        assertThat(restoredAndOpened(vaultCopy, vaultCopy.epoch())).isInstanceOf(CryptoException.class);
        assertThat(restoredAndOpened(vaultCopy, epochs.wrappingEpoch())).isInstanceOf(CryptoException.class);
        // everyone else is still found and read
        assertThat(search("Tesfamariam")).contains(otherId.toString());
        assertThat(clinician.get("/api/people/" + otherId).status()).isEqualTo(200);
    }

    private UUID register(String name, String phone, String otherName) {
        Map<String, Object> details = new java.util.HashMap<>(Map.of("chosenName", name, "sex", "FEMALE"));
        if (phone != null) {
            details.put("phone", phone);
        }
        if (otherName != null) {
            details.put("otherNames", List.of(Map.of("name", otherName, "kind", "SPELLING")));
        }
        ApiSession.Response response = clinician.post("/api/people", Map.of("details", details));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    private List<String> search(String query) {
        ApiSession.Response response = clinician.post("/api/people/search", Map.of("query", query));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().forEach(result -> ids.add(result.path("id").asString()));
        return ids;
    }

    private record VaultRow(UUID subjectId, int epoch, byte[] wrappedKey) {}

    private VaultRow vaultRow(UUID subjectId) {
        return new JdbcTemplate(vaultDatabase.dataSource())
                .query(
                        "select subject_id, epoch, wrapped_key from vault.subject_key where subject_id = ?",
                        (rs, row) -> new VaultRow(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBytes(3)),
                        subjectId)
                .getFirst();
    }

    /** Puts the copied row back into the vault, tries to open the person's key, and removes it again. */
    private Throwable restoredAndOpened(VaultRow row, int epoch) {
        JdbcTemplate vault = new JdbcTemplate(vaultDatabase.dataSource());
        vault.update(
                "insert into vault.subject_key (subject_id, epoch, wrapped_key) values (?, ?, ?)",
                row.subjectId(),
                epoch,
                row.wrappedKey());
        try {
            return catchThrowable(() -> keys.existingKey(row.subjectId()));
        } finally {
            vault.update("delete from vault.subject_key where subject_id = ?", row.subjectId());
        }
    }

    private Path walDirectory() {
        return database.dataDirectory().toAbsolutePath().resolve("postgres/pg_wal");
    }

    private void copyWal() throws IOException {
        try (Stream<Path> files = Files.list(walDirectory())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, walCopy.resolve(file.getFileName()));
            }
        }
    }

    private boolean walCopyContains(byte[] needle) throws IOException {
        return anyFileContains(walCopy, needle);
    }

    private boolean liveWalContains(byte[] needle) throws IOException {
        return anyFileContains(walDirectory(), needle);
    }

    private static boolean anyFileContains(Path directory, byte[] needle) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Every prefix of three letters or more of the folded words, as the name index keeps them. */
    private static List<String> prefixesOf(String... words) {
        List<String> prefixes = new ArrayList<>();
        for (String text : words) {
            for (String word : SearchText.tokens(text)) {
                for (int length = 3; length <= word.length(); length++) {
                    prefixes.add(word.substring(0, length));
                }
            }
        }
        return prefixes;
    }

    private static String letters() {
        StringBuilder letters = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom.current()
                .ints(5, 'a', 'z' + 1)
                .forEach(letter -> letters.append((char) letter));
        return letters.toString();
    }

    private static String prefix(String word) {
        return SearchText.tokens(word).getFirst().substring(0, 5);
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }
}
