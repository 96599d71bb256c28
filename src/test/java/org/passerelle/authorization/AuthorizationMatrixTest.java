package org.passerelle.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every role against every record type and action, on a person in care at the user's own site and
 * on one followed only at another site, with records in every compartment; taking a person into
 * care at the user's site needs, for one followed only elsewhere, a reason and their patient code. The expected answers
 * come from the policy as written below — an independent statement of who may do what — so that a
 * change in the code's rules shows up here as a failure to be argued about.
 *
 * <p>Refusals are 403, or 404 where saying "forbidden" would reveal that a record exists (a single
 * consultation outside the user's compartments or scope).
 */
@PasserelleTest
class AuthorizationMatrixTest {

    enum Relation {
        OWN_SITE,
        OTHER_SITE
    }

    enum Compartment {
        GENERAL("MEDICAL", null),
        MENTAL_HEALTH("MENTAL_HEALTH", null),
        SGBV("MEDICAL", "SGBV"),
        LEGAL("LEGAL", null);

        final String discipline;
        final String explicit;

        Compartment(String discipline, String explicit) {
            this.discipline = discipline;
            this.explicit = explicit;
        }
    }

    /** The policy: which compartments each role works in. */
    private static final Map<String, Set<Compartment>> COMPARTMENTS = Map.of(
            "CLINICIAN", Set.of(Compartment.GENERAL, Compartment.SGBV),
            "PSYCHOLOGIST", Set.of(Compartment.GENERAL, Compartment.MENTAL_HEALTH, Compartment.SGBV),
            "SOCIAL_LEGAL_WORKER", Set.of(Compartment.GENERAL, Compartment.LEGAL),
            "COORDINATOR", Set.of(Compartment.GENERAL),
            "DATA_OFFICER", Set.of(),
            "ADMINISTRATOR", Set.of(),
            "LOGISTICIAN", Set.of());

    /** The policy: who meets the people served and records their care. */
    private static final Set<String> CARERS = Set.of("CLINICIAN", "PSYCHOLOGIST", "SOCIAL_LEGAL_WORKER", "COORDINATOR");

    /** The policy: who may see who a person is (carers, and data officers for rights requests). */
    private static final Set<String> READERS =
            Set.of("CLINICIAN", "PSYCHOLOGIST", "SOCIAL_LEGAL_WORKER", "COORDINATOR", "DATA_OFFICER");

    /** The policy: which disciplines each role practises, and so records consultations in. */
    private static final Map<String, Set<String>> DISCIPLINES = Map.of(
            "CLINICIAN", Set.of("MEDICAL", "NURSING"),
            "PSYCHOLOGIST", Set.of("MENTAL_HEALTH"),
            "SOCIAL_LEGAL_WORKER", Set.of("SOCIAL", "LEGAL"),
            "COORDINATOR", Set.of("SOCIAL"),
            "DATA_OFFICER", Set.of(),
            "ADMINISTRATOR", Set.of(),
            "LOGISTICIAN", Set.of());

    /** The policy: who opens each core form of a person's consultation (the antenatal visit is not for a man). */
    private static final Map<String, Set<String>> FORM_USERS = Map.of(
            "medical-consultation", Set.of("CLINICIAN"),
            "nursing-care", Set.of("CLINICIAN"),
            "antenatal-visit", Set.of("CLINICIAN"),
            "sgbv-first-response", Set.of("CLINICIAN"),
            "mental-health-session", Set.of("PSYCHOLOGIST"),
            "social-assessment", Set.of("SOCIAL_LEGAL_WORKER", "COORDINATOR"),
            "legal-consultation", Set.of("SOCIAL_LEGAL_WORKER"),
            "minor-follow-up", Set.of("CLINICIAN", "PSYCHOLOGIST", "SOCIAL_LEGAL_WORKER", "COORDINATOR"));

    /** The policy: who erases. */
    private static final Set<String> ERASERS = Set.of("DATA_OFFICER", "ADMINISTRATOR");

    private static final Set<String> NEED_SECOND_FACTOR = Set.of("DATA_OFFICER", "ADMINISTRATOR");

    /** The policy: every user enrols and revokes their own devices; administrators see and revoke all. */
    private static final Set<String> DEVICE_ADMINISTRATORS = Set.of("ADMINISTRATOR");

    /** The policy: who receives, moves and counts goods; every role but the data officer's sees the stock. */
    private static final Set<String> STOCK_MANAGERS = Set.of("LOGISTICIAN", "COORDINATOR");

    /** The policy: who adds, renames and closes the places goods are kept at their sites. */
    private static final Set<String> PLACE_KEEPERS = Set.of("LOGISTICIAN", "COORDINATOR", "ADMINISTRATOR");

    /** The policy: who keeps a shelter's rooms and beds, and who opens its emergency capacity. */
    private static final Set<String> BED_KEEPERS = Set.of("COORDINATOR", "LOGISTICIAN", "ADMINISTRATOR");

    private static final Set<String> CAPACITY_OPENERS = Set.of("COORDINATOR", "ADMINISTRATOR");

    /** The policy: who reads a mobile team's day plan and session summaries (no person's data in them). */
    private static final Set<String> OUTREACH_READERS =
            Set.of("CLINICIAN", "PSYCHOLOGIST", "SOCIAL_LEGAL_WORKER", "COORDINATOR", "DATA_OFFICER", "ADMINISTRATOR");
    /** The policy: clinicians record outbreak cases at their sites; these roles read the line lists. */
    private static final Set<String> LINE_LIST_READERS = Set.of("CLINICIAN", "COORDINATOR", "DATA_OFFICER");

    private static final Set<String> RING_READERS = Set.of("CLINICIAN", "COORDINATOR", "DATA_OFFICER", "LOGISTICIAN");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestOrganisation organisation;
    private final Map<Relation, ApiSession> authors = new EnumMap<>(Relation.class);
    private final Map<Relation, String> sites = new EnumMap<>(Relation.class);

    @TestFactory
    Stream<DynamicTest> everyRoleRecordTypeActionAndRelation() {
        organisation = new TestOrganisation(port);
        sites.put(Relation.OWN_SITE, organisation.siteA);
        sites.put(Relation.OTHER_SITE, organisation.siteB);
        for (Relation relation : Relation.values()) {
            authors.put(
                    relation,
                    organisation.userAt(sites.get(relation), "CLINICIAN", "PSYCHOLOGIST", "SOCIAL_LEGAL_WORKER"));
        }
        Map<Relation, Subject> subjects = new EnumMap<>(Relation.class);
        for (Relation relation : Relation.values()) {
            subjects.put(relation, subject(relation));
        }
        List<DynamicTest> cases = new ArrayList<>();
        String othersUpload = othersUpload();
        for (String role : COMPARTMENTS.keySet().stream().sorted().toList()) {
            ApiSession user = organisation.userAt(organisation.siteA, role);
            if (NEED_SECOND_FACTOR.contains(role)) {
                user.enrolSecondFactor();
            }
            enrolDevice(user);
            for (Relation relation : Relation.values()) {
                cases.addAll(casesFor(role, user, relation, subjects.get(relation)));
                cases.addAll(rightsCases(role, user, relation, subjects.get(relation)));
                cases.addAll(referralCases(role, user, relation, subjects.get(relation)));
                cases.addAll(passDeVilleCases(role, user, relation, subjects.get(relation)));
                cases.addAll(fhirCases(role, user, relation, subjects.get(relation)));
            }
            cases.addAll(deviceCases(role, user));
            cases.addAll(backupCases(role, user));
            cases.addAll(stockCases(role, user, subjects.get(Relation.OWN_SITE)));
            cases.addAll(shelterCases(role));
            cases.addAll(directoryAndBudgetCases(role, user));
            cases.addAll(outreachCases(role, user));
            cases.addAll(outbreakCases(role, user));
            cases.addAll(PublicHealthMatrixCases.vaccination(
                    role, user, organisation, subjects.get(Relation.OWN_SITE).personId()));
            cases.addAll(PublicHealthMatrixCases.water(role, user, organisation));
            cases.addAll(ImportMatrixCases.cases(role, user, "Matrix" + unique(), othersUpload));
        }
        return cases.stream();
    }

    /** A file of persons sent by an importer of the site who is none of the users under test. */
    private String othersUpload() {
        ApiSession.Response uploaded = organisation
                .userAt(organisation.siteA, "COORDINATOR")
                .postFile("/api/imports", ImportMatrixCases.file("Matrix" + unique()));
        expect(uploaded, 201);
        return uploaded.text("importId");
    }

    /** A person in care at the relation's site, with one consultation in every compartment. */
    private record Subject(String personId, Map<Compartment, String> consultations) {}

    private Subject subject(Relation relation) {
        ApiSession author = authors.get(relation);
        String personId = TestOrganisation.register(author, "Matrix " + relation + " " + unique())
                .path("id")
                .asString();
        Map<Compartment, String> consultations = new EnumMap<>(Compartment.class);
        for (Compartment compartment : Compartment.values()) {
            ApiSession.Response recorded = author.post("/api/consultations", consultation(personId, compartment));
            assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
            assertThat(recorded.text("compartment")).isEqualTo(compartment.name());
            consultations.put(compartment, recorded.text("id"));
        }
        return new Subject(personId, consultations);
    }

    private List<DynamicTest> casesFor(String role, ApiSession user, Relation relation, Subject subject) {
        boolean own = relation == Relation.OWN_SITE;
        Set<Compartment> opens = COMPARTMENTS.get(role);
        String at = " (" + relation + ")";
        List<DynamicTest> cases = new ArrayList<>();

        cases.add(DynamicTest.dynamicTest(role + " reads person" + at, () -> {
            ApiSession.Response response = user.get("/api/people/" + subject.personId());
            expect(response, own && READERS.contains(role) ? 200 : 403);
            if (response.status() == 200) {
                assertThat(response.text("id")).isEqualTo(subject.personId());
            }
        }));

        cases.add(DynamicTest.dynamicTest(role + " corrects person" + at, () -> {
            JsonNode current = authors.get(relation)
                    .get("/api/people/" + subject.personId())
                    .body();
            ApiSession.Response response = user.put(
                    "/api/people/" + subject.personId(),
                    Map.of(
                            "details",
                            Map.of("chosenName", current.path("chosenName").asString(), "sex", "MALE"),
                            "version",
                            current.path("version").asLong()));
            expect(response, own && CARERS.contains(role) ? 200 : 403);
        }));

        cases.add(DynamicTest.dynamicTest(role + " reads history" + at, () -> {
            ApiSession.Response response = user.get("/api/people/" + subject.personId() + "/consultations");
            expect(response, own && CARERS.contains(role) ? 200 : 403);
            if (response.status() == 200) {
                // other roles' cases add consultations to the same person: compare the compartments seen
                List<String> seen = response.body()
                        .valueStream()
                        .map(consultation -> consultation.path("compartment").asString())
                        .distinct()
                        .sorted()
                        .toList();
                assertThat(seen)
                        .containsExactlyElementsOf(
                                opens.stream().map(Enum::name).sorted().toList());
            }
        }));

        cases.add(DynamicTest.dynamicTest(role + " reads clinical summary" + at, () -> {
            ApiSession.Response response = user.get("/api/people/" + subject.personId() + "/clinical-summary");
            expect(response, own && CARERS.contains(role) ? 200 : 403);
            if (response.status() == 200) {
                List<String> disciplines = response.body()
                        .path("lastConsultations")
                        .valueStream()
                        .map(last -> last.path("discipline").asString())
                        .sorted()
                        .toList();
                assertThat(disciplines)
                        .containsExactlyElementsOf(opens.stream()
                                .map(opened -> opened.discipline)
                                .distinct()
                                .sorted()
                                .toList());
            }
        }));

        for (Compartment compartment : Compartment.values()) {
            cases.add(DynamicTest.dynamicTest(role + " reads " + compartment + " consultation" + at, () -> {
                ApiSession.Response response =
                        user.get("/api/consultations/" + subject.consultations().get(compartment));
                int expected = opens.isEmpty() ? 403 : own && opens.contains(compartment) ? 200 : 404;
                expect(response, expected);
                if (expected == 404) {
                    ApiSession.Response unknown = user.get("/api/consultations/" + UUID.randomUUID());
                    for (String field : List.of("status", "code", "title", "detail")) {
                        assertThat(response.body().path(field))
                                .isEqualTo(unknown.body().path(field));
                    }
                }
            }));
            cases.add(DynamicTest.dynamicTest(
                    role + " reads what signing " + compartment + " consultation dispensed" + at, () -> {
                        String consultation = subject.consultations().get(compartment);
                        ApiSession.Response response =
                                user.get("/api/stock/consultations/" + consultation + "/dispensings");
                        expect(response, opens.isEmpty() ? 403 : own && opens.contains(compartment) ? 200 : 404);
                    }));
            cases.add(DynamicTest.dynamicTest(role + " records " + compartment + " consultation" + at, () -> {
                ApiSession.Response response =
                        user.post("/api/consultations", consultation(subject.personId(), compartment));
                boolean practises = DISCIPLINES.get(role).contains(compartment.discipline);
                expect(response, own && opens.contains(compartment) && practises ? 201 : 403);
            }));
        }

        for (String form : FORM_USERS.keySet().stream().sorted().toList()) {
            cases.add(DynamicTest.dynamicTest(role + " opens " + form + at, () -> {
                ApiSession.Response response = user.post(
                        "/api/encounters",
                        Map.of("personId", subject.personId(), "formCode", form, "answers", Map.of(), "sign", false));
                boolean uses = own && FORM_USERS.get(form).contains(role);
                // the subject is a man: the antenatal visit does not apply to him
                expect(response, !uses ? 403 : form.equals("antenatal-visit") ? 400 : 201);
                if (response.status() == 403 && own && CARERS.contains(role)) {
                    assertThat(response.text("code")).isIn("form-not-for-discipline", "compartment-not-allowed");
                }
            }));
        }

        cases.add(DynamicTest.dynamicTest(role + " takes person into care" + at, () -> {
            JsonNode newcomer = TestOrganisation.register(authors.get(relation), "Newcomer " + unique());
            String path = "/api/people/" + newcomer.path("id").asString() + "/care-sites";
            ApiSession.Response unexplained = user.post(path, Map.of());
            expect(unexplained, !CARERS.contains(role) ? 403 : own ? 200 : 400);
            ApiSession.Response response = user.post(
                    path,
                    Map.of(
                            "reason",
                            "Seen at our site from now on",
                            "patientCode",
                            newcomer.path("patientCode").asString()));
            expect(response, CARERS.contains(role) ? 200 : 403);
            int reads =
                    user.get("/api/people/" + newcomer.path("id").asString()).status();
            assertThat(reads).isEqualTo(CARERS.contains(role) || (own && READERS.contains(role)) ? 200 : 403);
        }));

        cases.add(DynamicTest.dynamicTest(role + " erases person" + at, () -> {
            String victim = TestOrganisation.register(authors.get(relation), "Erasable " + unique())
                    .path("id")
                    .asString();
            user.confirmIdentity();
            ApiSession.Response response =
                    user.post("/api/people/" + victim + "/erasure", Map.of("reason", "CREATED_IN_ERROR"));
            expect(response, own && ERASERS.contains(role) ? 204 : 403);
            int afterwards = authors.get(relation).get("/api/people/" + victim).status();
            assertThat(afterwards).isEqualTo(response.status() == 204 ? 404 : 200);
        }));

        cases.add(DynamicTest.dynamicTest(role + " pushes a change of person from a device" + at, () -> {
            JsonNode current = authors.get(relation)
                    .get("/api/people/" + subject.personId())
                    .body();
            Map<String, Object> phone = new java.util.HashMap<>();
            phone.put(
                    "base",
                    current.path("phone").isString() ? current.path("phone").asString() : null);
            phone.put("value", "+33 6 " + (10 + role.length()) + " 00 00 00");
            ApiSession.Response response = user.post(
                    "/api/sync/push",
                    Map.of(
                            "mutations",
                            List.of(Map.of(
                                    "mutationId",
                                    UUID.randomUUID().toString(),
                                    "recordType",
                                    "person",
                                    "recordId",
                                    subject.personId(),
                                    "operation",
                                    "UPDATE",
                                    "baseVersion",
                                    current.path("version").asLong(),
                                    "siteId",
                                    organisation.siteA,
                                    "deviceTime",
                                    "2026-12-07T09:00:00Z",
                                    "changes",
                                    Map.of("phone", phone)))));
            expect(response, CARERS.contains(role) ? 200 : 403);
            if (response.status() == 200) {
                JsonNode result = response.body().path("results").get(0);
                assertThat(result.path("outcome").asString()).isEqualTo(own ? "APPLIED" : "REJECTED");
                if (!own) {
                    assertThat(result.path("problem").path("code").asString()).isEqualTo("person-outside-scope");
                }
            }
        }));

        cases.add(DynamicTest.dynamicTest(role + " pulls person and consultations to a device" + at, () -> {
            awaitSyncHorizon();
            List<JsonNode> changes = new ArrayList<>();
            String cursor = null;
            ApiSession.Response response;
            do {
                response = user.get("/api/sync/pull?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
                expect(response, CARERS.contains(role) ? 200 : 403);
                response.body().path("changes").forEach(changes::add);
                cursor = response.body().path("cursor").asString(null);
            } while (response.status() == 200 && response.body().path("more").asBoolean());
            if (response.status() != 200) {
                return;
            }
            boolean person = changes.stream()
                    .anyMatch(change -> change.path("recordId").asString().equals(subject.personId()));
            List<String> compartments = changes.stream()
                    .filter(change -> change.path("recordType").asString().equals("encounter"))
                    .filter(change ->
                            change.path("record").path("personId").asString().equals(subject.personId()))
                    .map(change -> change.path("record").path("compartment").asString())
                    .distinct()
                    .sorted()
                    .toList();
            assertThat(person).isEqualTo(own);
            assertThat(compartments)
                    .containsExactlyElementsOf(
                            own ? opens.stream().map(Enum::name).sorted().toList() : List.of());
        }));
        return cases;
    }

    /**
     * Waits until every transaction that began before now has ended: a pull holds back the changes
     * of transactions newer than the oldest one still running (another test's, a background
     * worker's), so that it never skips one; what the subject wrote earlier is then past it.
     */
    private void awaitSyncHorizon() {
        long now = jdbc.sql("select pg_current_xact_id()::text::bigint")
                .query(Long.class)
                .single();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                        .query(Long.class)
                        .single()
                <= now) {
            assertThat(Instant.now())
                    .as("a transaction older than the pull still runs")
                    .isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    private List<DynamicTest> deviceCases(String role, ApiSession user) {
        return List.of(
                DynamicTest.dynamicTest(role + " enrols and revokes own device", () -> {
                    Map<String, Object> enrolment = deviceEnrolment();
                    user.confirmIdentity();
                    expect(user.post("/api/devices", enrolment), 201);
                    expect(user.get("/api/devices"), 200);
                    expect(user.post("/api/devices/" + enrolment.get("id") + "/revocation", Map.of()), 200);
                }),
                DynamicTest.dynamicTest(role + " lists every device", () -> {
                    expect(user.get("/api/devices/all"), DEVICE_ADMINISTRATORS.contains(role) ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " pulls to another user's device", () -> {
                    ApiSession owner = authors.get(Relation.OWN_SITE);
                    Map<String, Object> enrolment = deviceEnrolment();
                    owner.confirmIdentity();
                    expect(owner.post("/api/devices", enrolment), 201);
                    user.device((String) enrolment.get("id"));
                    ApiSession.Response response;
                    try {
                        response = user.get("/api/sync/pull?limit=1");
                    } finally {
                        enrolDevice(user);
                    }
                    expect(response, 403);
                    assertThat(response.text("code"))
                            .isEqualTo(CARERS.contains(role) ? "device-revoked" : "role-not-allowed");
                }),
                DynamicTest.dynamicTest(role + " revokes another user's device", () -> {
                    ApiSession owner = authors.get(Relation.OWN_SITE);
                    Map<String, Object> enrolment = deviceEnrolment();
                    owner.confirmIdentity();
                    expect(owner.post("/api/devices", enrolment), 201);
                    user.confirmIdentity();
                    ApiSession.Response response =
                            user.post("/api/devices/" + enrolment.get("id") + "/revocation", Map.of());
                    expect(response, DEVICE_ADMINISTRATORS.contains(role) ? 200 : 404);
                }));
    }

    /**
     * The policy: administrators alone see the backups and make one now, after confirming who they
     * are; coordinators see too whether the data is backed up.
     */
    private List<DynamicTest> backupCases(String role, ApiSession user) {
        int allowed = role.equals("ADMINISTRATOR") ? 200 : 403;
        return List.of(
                DynamicTest.dynamicTest(role + " reads the backups", () -> expect(user.get("/api/backups"), allowed)),
                DynamicTest.dynamicTest(
                        role + " reads whether the data is backed up",
                        () -> expect(
                                user.get("/api/backups/status"),
                                role.equals("ADMINISTRATOR") || role.equals("COORDINATOR") ? 200 : 403)),
                DynamicTest.dynamicTest(role + " backs up now", () -> {
                    user.confirmIdentity();
                    expect(user.post("/api/backups", Map.of()), allowed == 200 ? 202 : 403);
                }));
    }

    private List<DynamicTest> stockCases(String role, ApiSession user, Subject subject) {
        return List.of(
                DynamicTest.dynamicTest(role + " sees the stock's places", () -> {
                    expect(user.get("/api/stock/locations"), role.equals("DATA_OFFICER") ? 403 : 200);
                }),
                DynamicTest.dynamicTest(role + " receives goods at a place of the site", () -> {
                    String place = stockLocation();
                    Map<String, Object> receipt = Map.of(
                            "id",
                            UUID.randomUUID().toString(),
                            "locationId",
                            place,
                            "itemCode",
                            "blanket",
                            "lot",
                            "M1",
                            "quantity",
                            5);
                    expect(user.post("/api/stock/receipts", receipt), STOCK_MANAGERS.contains(role) ? 201 : 403);
                }),
                DynamicTest.dynamicTest(role + " breaks kits down and assembles them at a place of the site", () -> {
                    String place = stockLocation();
                    ApiSession keeper = organisation.userAt(organisation.siteA, "LOGISTICIAN");
                    expect(
                            keeper.post(
                                    "/api/stock/receipts",
                                    Map.of(
                                            "id",
                                            UUID.randomUUID().toString(),
                                            "locationId",
                                            place,
                                            "itemCode",
                                            "hygiene-kit",
                                            "lot",
                                            "K1",
                                            "quantity",
                                            1)),
                            201);
                    int moves = STOCK_MANAGERS.contains(role) ? 201 : 403;
                    expect(
                            user.post(
                                    "/api/stock/kits/breakdowns",
                                    Map.of(
                                            "id",
                                            UUID.randomUUID().toString(),
                                            "locationId",
                                            place,
                                            "kitCode",
                                            "hygiene-kit",
                                            "quantity",
                                            1)),
                            moves);
                    expect(
                            user.post(
                                    "/api/stock/kits/assemblies",
                                    Map.of(
                                            "id",
                                            UUID.randomUUID().toString(),
                                            "locationId",
                                            place,
                                            "kitCode",
                                            "hygiene-kit",
                                            "quantity",
                                            1)),
                            moves);
                }),
                DynamicTest.dynamicTest(role + " renames and closes a place of the site", () -> {
                    String place = stockLocation();
                    boolean keeps = PLACE_KEEPERS.contains(role);
                    expect(
                            user.put(
                                    "/api/stock/locations/" + place,
                                    Map.of("name", "Renamed " + unique(), "version", 1)),
                            keeps ? 200 : 403);
                    expect(
                            user.post("/api/stock/locations/" + place + "/close", Map.of("version", keeps ? 2 : 1)),
                            keeps ? 204 : 403);
                }),
                DynamicTest.dynamicTest(role + " reads what a place uses and what to order", () -> {
                    expect(
                            user.get("/api/stock/locations/" + stockLocation() + "/consumption"),
                            role.equals("DATA_OFFICER") ? 403 : 200);
                }),
                DynamicTest.dynamicTest(role + " reads what a place set aside for devices, and for which", () -> {
                    String place = stockLocation();
                    expect(
                            user.get("/api/stock/locations/" + place + "/allowances"),
                            role.equals("DATA_OFFICER") ? 403 : 200);
                    expect(
                            user.get("/api/stock/locations/" + place + "/devices"),
                            STOCK_MANAGERS.contains(role) ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " reads what a person of the site received", () -> {
                    boolean reads = CARERS.contains(role);
                    expect(user.get("/api/stock/people/" + subject.personId() + "/distributions"), reads ? 200 : 403);
                }));
    }

    /** The policy: social and legal workers keep the rights file; every carer learns whether a person is covered. */
    private List<DynamicTest> rightsCases(String role, ApiSession user, Relation relation, Subject subject) {
        boolean own = relation == Relation.OWN_SITE;
        boolean keeper = role.equals("SOCIAL_LEGAL_WORKER");
        String file = "/api/rights/people/" + subject.personId();
        String at = " (" + relation + ")";
        return List.of(
                DynamicTest.dynamicTest(role + " records a rights step" + at, () -> {
                    Map<String, Object> step = Map.of(
                            "id",
                            UUID.randomUUID().toString(),
                            "kind",
                            "AME_REQUESTED",
                            "occurredOn",
                            "2026-01-05",
                            "documents",
                            List.of());
                    expect(user.post(file + "/steps", step), own && keeper ? 201 : 403);
                }),
                DynamicTest.dynamicTest(
                        role + " reads the rights file" + at,
                        () -> expect(user.get(file + "/steps"), own && keeper ? 200 : 403)),
                DynamicTest.dynamicTest(
                        role + " reads whether a person is covered" + at,
                        () -> expect(user.get(file + "/coverage"), own && CARERS.contains(role) ? 200 : 403)),
                DynamicTest.dynamicTest(
                        role + " reads the rights reminders" + at,
                        () -> expect(user.get("/api/rights/reminders"), keeper ? 200 : 403)));
    }

    /** The policy: clinicians, psychologists and social workers refer; every carer of the person follows the referral. */
    private static final Set<String> REFERRERS = Set.of("CLINICIAN", "PSYCHOLOGIST", "SOCIAL_LEGAL_WORKER");

    /** The policy: coordinators and administrators keep the directory and the Pass de ville budget. */
    private static final Set<String> DIRECTORY_KEEPERS = Set.of("COORDINATOR", "ADMINISTRATOR");

    /** The policy: social workers and coordinators check voucher codes, enter claims and read a person's vouchers. */
    private static final Set<String> PASS_STAFF = Set.of("SOCIAL_LEGAL_WORKER", "COORDINATOR");

    private List<DynamicTest> referralCases(String role, ApiSession user, Relation relation, Subject subject) {
        boolean own = relation == Relation.OWN_SITE;
        boolean carer = own && CARERS.contains(role);
        String at = " (" + relation + ")";
        return List.of(
                DynamicTest.dynamicTest(role + " refers a person" + at, () -> {
                    expect(
                            user.post("/api/referrals", referral(subject.personId())),
                            own && REFERRERS.contains(role) ? 201 : 403);
                }),
                DynamicTest.dynamicTest(role + " reads a person's referrals" + at, () -> {
                    expect(user.get("/api/referrals/people/" + subject.personId()), carer ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " reads a referral" + at, () -> {
                    JsonNode referral = referralOf(relation, subject);
                    expect(user.get("/api/referrals/" + referral.path("id").asString()), carer ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " records a referral's step" + at, () -> {
                    JsonNode referral = referralOf(relation, subject);
                    ApiSession.Response response = user.post(
                            "/api/referrals/" + referral.path("id").asString() + "/steps",
                            Map.of(
                                    "version",
                                    referral.path("version").asLong(),
                                    "status",
                                    "ACCEPTED",
                                    "occurredOn",
                                    "2026-12-01"));
                    expect(response, carer ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " records an accompaniment" + at, () -> {
                    JsonNode referral = referralOf(relation, subject);
                    ApiSession.Response response = user.post(
                            "/api/referrals/" + referral.path("id").asString() + "/accompaniments",
                            Map.of(
                                    "id",
                                    UUID.randomUUID().toString(),
                                    "occurredOn",
                                    "2026-12-01",
                                    "companions",
                                    "Outreach nurse",
                                    "transport",
                                    "WALK",
                                    "minutes",
                                    90,
                                    "outcome",
                                    "SEEN"));
                    expect(response, carer ? 201 : 403);
                }),
                DynamicTest.dynamicTest(role + " turns a referred-to answer into a referral" + at, () -> {
                    // another person of the site, so that the subject's consultations stay as the other cases expect
                    String answered = TestOrganisation.register(authors.get(relation), "Answered " + unique())
                            .path("id")
                            .asString();
                    ApiSession.Response consultation = authors.get(relation)
                            .post(
                                    "/api/encounters",
                                    Map.of(
                                            "personId",
                                            answered,
                                            "formCode",
                                            "nursing-care",
                                            "answers",
                                            Map.of("care-given", List.of("wound-dressing"), "referred-to", "pass"),
                                            "sign",
                                            true));
                    expect(consultation, 201);
                    Map<String, Object> turned = new java.util.HashMap<>(referral(answered));
                    turned.remove("personId");
                    turned.remove("sentOn");
                    turned.put("encounterId", consultation.text("id"));
                    ApiSession.Response response = user.post("/api/referrals/from-answer", turned);
                    if (own && REFERRERS.contains(role)) {
                        expect(response, 201);
                    } else {
                        assertThat(response.status()).as(role + at).isIn(403, 404);
                    }
                }),
                DynamicTest.dynamicTest(role + " prints a referral letter" + at, () -> {
                    JsonNode referral = referralOf(relation, subject);
                    ApiSession.Download letter = user.download(
                            "/api/referrals/" + referral.path("id").asString() + "/letter", Map.of("language", "ar"));
                    assertThat(letter.status()).isEqualTo(carer ? 200 : 403);
                }));
    }

    private List<DynamicTest> passDeVilleCases(String role, ApiSession user, Relation relation, Subject subject) {
        boolean own = relation == Relation.OWN_SITE;
        boolean keeper = own && role.equals("SOCIAL_LEGAL_WORKER");
        String pass = "/api/pass-de-ville/people/" + subject.personId();
        String at = " (" + relation + ")";
        return List.of(
                DynamicTest.dynamicTest(role + " decides Pass de ville eligibility" + at, () -> {
                    expect(user.post(pass + "/eligibility", eligible()), keeper ? 201 : 403);
                }),
                DynamicTest.dynamicTest(role + " issues a Pass de ville voucher" + at, () -> {
                    passBudget();
                    expect(authors.get(relation).post(pass + "/eligibility", eligible()), 201);
                    expect(user.post(pass + "/vouchers", voucher()), keeper ? 201 : 403);
                }),
                DynamicTest.dynamicTest(role + " reads a person's vouchers" + at, () -> {
                    expect(user.get(pass), own && PASS_STAFF.contains(role) ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " cancels a voucher" + at, () -> {
                    JsonNode voucher = issuedVoucher(relation, subject);
                    expect(
                            user.post(
                                    "/api/pass-de-ville/vouchers/"
                                            + voucher.path("id").asString() + "/cancellation",
                                    Map.of("version", voucher.path("version").asLong())),
                            keeper ? 200 : 403);
                }));
    }

    private List<DynamicTest> directoryAndBudgetCases(String role, ApiSession user) {
        boolean keeps = DIRECTORY_KEEPERS.contains(role);
        boolean staff = PASS_STAFF.contains(role);
        String budget = "/api/pass-de-ville/programmes/" + programme() + "/budget";
        return List.of(
                DynamicTest.dynamicTest(role + " searches the directory", () -> {
                    expect(user.get("/api/directory/services?need=GENERAL_CARE"), 200);
                }),
                DynamicTest.dynamicTest(role + " adds a service to the directory", () -> {
                    expect(user.post("/api/directory/services", partnerService("CITY_DOCTOR")), keeps ? 201 : 403);
                }),
                DynamicTest.dynamicTest(role + " exports the directory as data·inclusion", () -> {
                    expect(user.get("/api/directory/data-inclusion"), keeps ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " reads the site's referrals to follow", () -> {
                    expect(user.get("/api/referrals/to-follow"), CARERS.contains(role) ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " checks a voucher code", () -> {
                    String code =
                            issuedVoucher(Relation.OWN_SITE, null).path("code").asString();
                    expect(user.post("/api/pass-de-ville/voucher-checks", Map.of("code", code)), staff ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " enters a provider's claim", () -> {
                    String code =
                            issuedVoucher(Relation.OWN_SITE, null).path("code").asString();
                    ApiSession.Response response = user.post(
                            "/api/pass-de-ville/claims",
                            Map.of(
                                    "id",
                                    UUID.randomUUID().toString(),
                                    "code",
                                    code,
                                    "amountCents",
                                    2500,
                                    "careOn",
                                    today().toString()));
                    expect(response, staff ? 201 : 403);
                }),
                DynamicTest.dynamicTest(role + " reads the Pass de ville budget", () -> {
                    expect(user.get(budget), keeps ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " sets the Pass de ville budget", () -> {
                    long version = organisation
                            .admin()
                            .get(budget)
                            .body()
                            .path("version")
                            .asLong();
                    expect(user.put(budget, Map.of("amountCents", 100_000_000, "version", version)), keeps ? 200 : 403);
                }));
    }

    private @org.jspecify.annotations.Nullable String programme;

    private String programme() {
        if (programme == null) {
            for (JsonNode site : organisation.admin().get("/api/sites").body()) {
                if (site.path("id").asString().equals(organisation.siteA)) {
                    programme = site.path("programmeId").asString();
                }
            }
        }
        return java.util.Objects.requireNonNull(programme);
    }

    private void passBudget() {
        String budget = "/api/pass-de-ville/programmes/" + programme() + "/budget";
        ApiSession.Response current = organisation.admin().get(budget);
        expect(current, 200);
        if (current.body().path("amountCents").asLong() == 0) {
            expect(organisation.admin().put(budget, Map.of("amountCents", 100_000_000, "version", 0)), 200);
        }
    }

    private @org.jspecify.annotations.Nullable String cityDoctor;

    /** A voucher issued by the author at the relation's site, to the subject or to a new person. */
    private JsonNode issuedVoucher(Relation relation, @org.jspecify.annotations.Nullable Subject subject) {
        passBudget();
        ApiSession author = authors.get(relation);
        String personId = subject != null
                ? subject.personId()
                : TestOrganisation.register(author, "Voucher " + unique())
                        .path("id")
                        .asString();
        String pass = "/api/pass-de-ville/people/" + personId;
        expect(author.post(pass + "/eligibility", eligible()), 201);
        ApiSession.Response issued = author.post(pass + "/vouchers", voucher());
        expect(issued, 201);
        return issued.body();
    }

    private Map<String, Object> voucher() {
        if (cityDoctor == null) {
            cityDoctor = organisation
                    .admin()
                    .post("/api/directory/services", partnerService("CITY_DOCTOR"))
                    .text("id");
        }
        return Map.of(
                "id",
                UUID.randomUUID().toString(),
                "providerId",
                cityDoctor,
                "careType",
                "GP_CONSULTATION",
                "ceilingCents",
                5000,
                "validUntil",
                today().plusDays(30).toString());
    }

    private static java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(
                org.passerelle.support.MovableClock.now(), java.time.ZoneId.of("Europe/Paris"));
    }

    private static Map<String, Object> eligible() {
        return Map.of("id", UUID.randomUUID().toString(), "decision", "ELIGIBLE", "decidedOn", "2026-01-05");
    }

    private @org.jspecify.annotations.Nullable String passService;

    private Map<String, Object> referral(String personId) {
        if (passService == null) {
            passService = organisation
                    .admin()
                    .post("/api/directory/services", partnerService("PASS"))
                    .text("id");
        }
        return Map.of(
                "id",
                UUID.randomUUID().toString(),
                "personId",
                personId,
                "serviceId",
                passService,
                "reason",
                "Wound to be seen",
                "urgency",
                "ROUTINE",
                "consent",
                "PERSON",
                "sentOn",
                "2026-11-30");
    }

    /** A referral of the subject made by the author at the relation's site. */
    private JsonNode referralOf(Relation relation, Subject subject) {
        ApiSession.Response referred = authors.get(relation).post("/api/referrals", referral(subject.personId()));
        expect(referred, 201);
        return referred.body();
    }

    private static Map<String, Object> partnerService(String kind) {
        Map<String, Object> details = new java.util.HashMap<>();
        details.put("kind", kind);
        details.put("name", "Service " + kind + " " + unique());
        details.put("languages", List.of("fr"));
        details.put("needs", List.of("GENERAL_CARE"));
        details.put("acceptsUncovered", true);
        details.put("acceptsMinors", true);
        details.put("interpreter", false);
        details.put("closed", false);
        return Map.of("id", UUID.randomUUID().toString(), "details", details);
    }

    /** A shelter site with a room, and the staff that registers its residents; made once. */
    private record Shelter(String siteId, String roomId, ApiSession staff) {}

    private @org.jspecify.annotations.Nullable Shelter shelter;

    private Shelter shelter() {
        if (shelter == null) {
            String programme = organisation
                    .admin()
                    .post(
                            "/api/programmes",
                            Map.of("code", "SH-" + unique().toUpperCase(), "name", "Shelters " + unique()))
                    .text("id");
            ApiSession.Response site = organisation
                    .admin()
                    .post(
                            "/api/sites",
                            Map.of("programmeId", programme, "name", "Shelter " + unique(), "kind", "SHELTER"));
            expect(site, 201);
            ApiSession.Response room = organisation
                    .admin()
                    .post(
                            "/api/shelters/rooms",
                            Map.of("id", UUID.randomUUID().toString(), "siteId", site.text("id"), "name", "Room"));
            // the administrator works at all sites
            expect(room, 201);
            shelter = new Shelter(site.text("id"), room.text("id"), organisation.userAt(site.text("id"), "CLINICIAN"));
        }
        return shelter;
    }

    private List<DynamicTest> shelterCases(String role) {
        Shelter at = shelter();
        ApiSession user = organisation.userAt(at.siteId(), role);
        if (NEED_SECOND_FACTOR.contains(role)) {
            user.enrolSecondFactor();
        }
        String base = "/api/shelters/sites/" + at.siteId();
        return List.of(
                DynamicTest.dynamicTest(role + " sees the bed board of its shelter", () -> {
                    expect(user.get(base + "/board"), CARERS.contains(role) ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " reads the waiting list, offers and follow-ups of its shelter", () -> {
                    int expected = CARERS.contains(role) ? 200 : 403;
                    expect(user.get(base + "/waiting-list"), expected);
                    expect(user.get(base + "/offers"), expected);
                    expect(user.get(base + "/follow-ups-due"), expected);
                    boolean bedReader = CARERS.contains(role) || BED_KEEPERS.contains(role);
                    expect(user.get(base + "/occupancy?from=2026-12-01&until=2026-12-08"), bedReader ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " adds a bed to its shelter", () -> {
                    expect(
                            user.post(
                                    "/api/shelters/beds",
                                    Map.of(
                                            "id",
                                            UUID.randomUUID().toString(),
                                            "roomId",
                                            at.roomId(),
                                            "label",
                                            unique())),
                            BED_KEEPERS.contains(role) ? 201 : 403);
                }),
                DynamicTest.dynamicTest(role + " opens emergency capacity", () -> {
                    int year = 2030
                            + COMPARTMENTS.keySet().stream().sorted().toList().indexOf(role);
                    Map<String, Object> opening = Map.of(
                            "id",
                            UUID.randomUUID().toString(),
                            "siteId",
                            at.siteId(),
                            "from",
                            year + "-01-01",
                            "until",
                            year + "-01-03",
                            "reason",
                            "COLD_WEATHER");
                    expect(
                            user.post("/api/shelters/emergency-openings", opening),
                            CAPACITY_OPENERS.contains(role) ? 201 : 403);
                }),
                DynamicTest.dynamicTest(role + " changes the waiting list's priority rule", () -> {
                    Map<String, Object> rule = Map.of("weights", Map.of("MINOR", 30), "pointsPerDay", 1, "version", 0);
                    expect(user.put(base + "/priority-rule", rule), role.equals("COORDINATOR") ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " admits a person in care at its shelter", () -> {
                    String person = TestOrganisation.register(at.staff(), "Resident " + unique())
                            .path("id")
                            .asString();
                    ApiSession.Response bed = organisation
                            .admin()
                            .post(
                                    "/api/shelters/beds",
                                    Map.of(
                                            "id",
                                            UUID.randomUUID().toString(),
                                            "roomId",
                                            at.roomId(),
                                            "label",
                                            unique()));
                    expect(bed, 201);
                    Map<String, Object> admission = Map.of(
                            "id",
                            UUID.randomUUID().toString(),
                            "personId",
                            person,
                            "bedId",
                            bed.text("id"),
                            "mode",
                            "STAY",
                            "reason",
                            "SLEEPING_OUTSIDE");
                    expect(user.post("/api/shelters/admissions", admission), CARERS.contains(role) ? 201 : 403);
                    expect(user.get("/api/shelters/people/" + person + "/stays"), READERS.contains(role) ? 200 : 403);
                    expect(
                            user.get("/api/shelters/people/" + person + "/requests"),
                            READERS.contains(role) ? 200 : 403);
                }));
    }

    private @org.jspecify.annotations.Nullable String outreachLocation;

    /** Sessions at the mobile team's location: the team records them, every role sees the map's places. */
    private List<DynamicTest> outreachCases(String role, ApiSession user) {
        if (outreachLocation == null) {
            ApiSession.Response location = organisation
                    .admin()
                    .post(
                            "/api/sites/" + organisation.siteA + "/outreach-locations",
                            Map.of("name", "Matrix camp " + unique(), "latitude", 50.95, "longitude", 1.86));
            expect(location, 201);
            outreachLocation = location.text("id");
        }
        Map<String, Object> session = Map.of(
                "id",
                UUID.randomUUID().toString(),
                "locationId",
                outreachLocation,
                "kind",
                "NIGHT_ROUND",
                "plannedStart",
                "2026-12-01T19:00:00Z",
                "plannedEnd",
                "2026-12-01T23:00:00Z");
        return List.of(
                DynamicTest.dynamicTest(role + " plans an outreach session of its team", () -> {
                    expect(user.post("/api/outreach/sessions", session), CARERS.contains(role) ? 201 : 403);
                }),
                DynamicTest.dynamicTest(role + " reads its team's day plan", () -> {
                    expect(user.get("/api/outreach/day?day=2026-12-01"), OUTREACH_READERS.contains(role) ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " reads the outreach map points", () -> {
                    expect(user.get("/api/outreach/map-points"), 200);
                }));
    }

    private String stockLocation() {
        ApiSession.Response added = organisation
                .admin()
                .post(
                        "/api/stock/locations",
                        Map.of(
                                "id",
                                UUID.randomUUID().toString(),
                                "siteId",
                                organisation.siteA,
                                "kind",
                                "WAREHOUSE",
                                "name",
                                "Matrix store " + unique()));
        expect(added, 201);
        return added.text("id");
    }

    /** Enrols a device for the user and names it in the user's requests, as the offline client does. */
    private static void enrolDevice(ApiSession user) {
        Map<String, Object> enrolment = deviceEnrolment();
        user.confirmIdentity();
        expect(user.post("/api/devices", enrolment), 201);
        user.device((String) enrolment.get("id"));
    }

    private static Map<String, Object> deviceEnrolment() {
        byte[] token = new byte[32];
        new java.security.SecureRandom().nextBytes(token);
        return Map.of(
                "id", UUID.randomUUID().toString(),
                "installationId", UUID.randomUUID().toString(),
                "name", "Matrix phone",
                "token", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    }

    private List<DynamicTest> outbreakCases(String role, ApiSession user) {
        Map<String, Object> atOwnSite = outbreakCase(organisation.siteA);
        Map<String, Object> atOtherSite = outbreakCase(organisation.siteB);
        String lineList = "/api/outbreaks/diseases/cholera/cases?siteId=" + organisation.siteA;
        return List.of(
                DynamicTest.dynamicTest(role + " records an outbreak case at its site", () -> {
                    expect(user.post("/api/outbreaks/cases", atOwnSite), role.equals("CLINICIAN") ? 201 : 403);
                    expect(user.post("/api/outbreaks/cases", atOtherSite), 403);
                }),
                DynamicTest.dynamicTest(role + " reads the line list, its curve and the map's cases", () -> {
                    int status = LINE_LIST_READERS.contains(role) ? 200 : 403;
                    expect(user.get(lineList), status);
                    expect(user.get("/api/outbreaks/diseases/cholera/epicurve?siteId=" + organisation.siteA), status);
                    expect(user.get("/api/outbreaks/map-points"), status);
                    expect(user.get("/api/outbreaks/diseases/cholera/cases?siteId=" + organisation.siteB), 403);
                }),
                DynamicTest.dynamicTest(role + " exports the line list", () -> {
                    assertThat(user.getBytes("/api/outbreaks/diseases/cholera/line-list.csv")
                                    .statusCode())
                            .isEqualTo(Set.of("COORDINATOR", "DATA_OFFICER").contains(role) ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " sets a place's population and reads the rings", () -> {
                    Map<String, Object> population =
                            Map.of("placeId", organisation.siteA, "siteId", organisation.siteA, "population", 800);
                    expect(user.put("/api/outbreaks/populations", population), role.equals("COORDINATOR") ? 200 : 403);
                    expect(user.get("/api/outbreaks/rings"), RING_READERS.contains(role) ? 200 : 403);
                }));
    }

    private static Map<String, Object> outbreakCase(String siteId) {
        return Map.of(
                "id",
                UUID.randomUUID().toString(),
                "disease",
                "cholera",
                "siteId",
                siteId,
                "classification",
                "SUSPECTED",
                "onsetOn",
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
                        .minusDays(1)
                        .toString());
    }

    private List<DynamicTest> fhirCases(String role, ApiSession user, Relation relation, Subject subject) {
        Map<String, String> consultations = new java.util.TreeMap<>();
        subject.consultations().forEach((compartment, id) -> consultations.put(compartment.name(), id));
        Set<String> opens =
                COMPARTMENTS.get(role).stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
        return FhirMatrixCases.cases(
                role, user, relation == Relation.OWN_SITE, subject.personId(), READERS, CARERS, opens, consultations);
    }

    static void expect(ApiSession.Response response, int status) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.text("code")).isNotBlank();
        }
    }

    private static Map<String, Object> consultation(String personId, Compartment compartment) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("personId", personId);
        body.put("discipline", compartment.discipline);
        body.put("note", "Note in " + compartment);
        if (compartment.explicit != null) {
            body.put("compartment", compartment.explicit);
        }
        return body;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
