package org.passerelle.authorization;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.passerelle.support.ApiSession;

/**
 * The authorization matrix's rows for the bulk import of persons, kept beside it: who may send a
 * file, check it and follow its job, and that an upload stays its sender's (another importer gets
 * "not found", as saying "forbidden" would reveal it exists). The expected answers come from the
 * policy below, an independent statement of who may do what.
 */
final class ImportMatrixCases {

    /** The policy: who brings a programme's existing list of persons into the registry. */
    static final Set<String> IMPORTERS = Set.of("COORDINATOR", "DATA_OFFICER");

    private static final Map<String, Object> MAPPING =
            Map.of("columns", Map.of("GIVEN_NAME", "Prénom", "FAMILY_NAME", "Nom", "BIRTH_DATE", "Date de naissance"));

    private ImportMatrixCases() {}

    /** A small file of persons, as a programme's list would come. */
    static byte[] file(String tag) {
        return """
                Prénom;Nom;Date de naissance
                Matrice;%s;2001
                """.formatted(tag).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The rows for one role: {@code othersUpload} is an upload sent by another importer of the
     * same site.
     */
    static List<DynamicTest> cases(String role, ApiSession user, String tag, String othersUpload) {
        boolean importer = IMPORTERS.contains(role);
        return List.of(
                DynamicTest.dynamicTest(role + " sends a file of persons and checks it", () -> {
                    ApiSession.Response uploaded = user.postFile("/api/imports", file(tag));
                    AuthorizationMatrixTest.expect(uploaded, importer ? 201 : 403);
                    if (importer) {
                        String id = uploaded.text("importId");
                        AuthorizationMatrixTest.expect(user.post("/api/imports/" + id + "/check", MAPPING), 200);
                    }
                }),
                DynamicTest.dynamicTest(
                        role + " checks another importer's upload",
                        () -> AuthorizationMatrixTest.expect(
                                user.post("/api/imports/" + othersUpload + "/check", MAPPING), importer ? 404 : 403)),
                DynamicTest.dynamicTest(
                        role + " runs another importer's upload",
                        () -> AuthorizationMatrixTest.expect(
                                user.post("/api/imports/" + othersUpload + "/run", Map.of("mapping", MAPPING)),
                                importer ? 404 : 403)),
                DynamicTest.dynamicTest(role + " reads another importer's job and report", () -> {
                    AuthorizationMatrixTest.expect(user.get("/api/imports/" + othersUpload), importer ? 404 : 403);
                    AuthorizationMatrixTest.expect(
                            user.get("/api/imports/" + othersUpload + "/report"), importer ? 404 : 403);
                }));
    }
}
