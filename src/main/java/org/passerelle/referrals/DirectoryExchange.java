package org.passerelle.referrals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.Ids;
import org.passerelle.referrals.DirectoryRepository.Source;
import org.passerelle.referrals.DirectoryViews.ImportResult;
import org.passerelle.referrals.DirectoryViews.PartnerService;
import org.passerelle.referrals.DirectoryViews.ServiceDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The directory imported from and exported to the data·inclusion schema ({@link DataInclusion}),
 * by coordinators and administrators. An import is all or nothing: a service without its {@code
 * id}, {@code source} or {@code nom}, or naming an unknown structure, refuses the whole file. A
 * service imported again (same {@code source} and {@code id}) has its name, address, contact,
 * hours, needs and check date refreshed; what the team said of it (kind, languages, what it
 * accepts, closed) stays.
 */
@Service
class DirectoryExchange {

    static final String SOURCE = "passerelle";

    private final Directory directory;
    private final DirectoryRepository services;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    DirectoryExchange(Directory directory, DirectoryRepository services, AuditLog audit, JsonMapper json, Clock clock) {
        this.directory = directory;
        this.services = services;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public ImportResult importFile(JsonNode file) {
        CurrentUser user = directory.requireKeeper();
        Map<String, JsonNode> structures = DataInclusion.structures(file);
        JsonNode list = file.path("services");
        if (!list.isArray()) {
            throw ReferralProblems.badImport("services");
        }
        int added = 0;
        int updated = 0;
        for (int i = 0; i < list.size(); i++) {
            JsonNode service = list.get(i);
            String where = "services[" + i + "]";
            String source = DataInclusion.required(service, "source", where + ".source");
            String id = DataInclusion.required(service, "id", where + ".id");
            String structureId = DataInclusion.required(service, "structure_id", where + ".structure_id");
            JsonNode structure = structures.get(structureId);
            if (structure == null) {
                throw ReferralProblems.badImport(where + ".structure_id");
            }
            ServiceDetails details = notInFuture(DataInclusion.details(service, structure, where));
            var existing = services.findBySource(source, id);
            if (existing.isPresent()) {
                PartnerService current = directory.get(existing.get());
                services.update(current.id(), current.version(), refreshed(current.details(), details), user.id());
                audit.record(AuditAction.UPDATE, Directory.RECORD_TYPE, current.id());
                updated++;
            } else {
                UUID newId = Ids.newId();
                services.insert(newId, details, new Source(source, structureId, id), user.id());
                audit.record(AuditAction.CREATE, Directory.RECORD_TYPE, newId);
                added++;
            }
        }
        return new ImportResult(added, updated, 0);
    }

    /** Every open and closed service as data·inclusion structures and services. */
    @Transactional
    public ObjectNode export() {
        directory.requireKeeper();
        ObjectNode file = json.createObjectNode();
        Map<String, ObjectNode> structures = new LinkedHashMap<>();
        ArrayNode serviceNodes = file.putArray("services");
        for (PartnerService service : services.all()) {
            ServiceDetails d = service.details();
            String structureId = services.sourceOf(service.id())
                    .map(Source::structureId)
                    .filter(java.util.Objects::nonNull)
                    .orElse("passerelle-" + service.id());
            structures.computeIfAbsent(structureId, id -> structure(id, service));
            ObjectNode node = serviceNodes.addObject();
            node.put("source", SOURCE);
            node.put("id", service.id().toString());
            node.put("structure_id", structureId);
            node.put("nom", d.name());
            node.put("description", description(d));
            node.put("date_maj", dateMaj(d).toString());
            ArrayNode themes = node.putArray("thematiques");
            d.needs().stream()
                    .map(need -> DataInclusion.THEMES.getOrDefault(need, List.of()))
                    .filter(names -> !names.isEmpty())
                    .forEach(names -> themes.add(names.getFirst()));
            if (d.acceptsUncovered()) {
                node.put("frais", "gratuit");
            }
            ArrayNode publics = node.putArray("publics");
            publics.add("personnes-exilees");
            if (d.acceptsMinors()) {
                publics.add("jeunes");
            }
            address(node, d);
            putIfPresent(node, "contact_nom_prenom", d.contactName());
            putIfPresent(node, "horaires_accueil", d.openingHours());
        }
        ArrayNode structureNodes = file.putArray("structures");
        structures.values().forEach(structureNodes::add);
        audit.record(AuditAction.EXPORT, Directory.RECORD_TYPE, null);
        return file;
    }

    private ObjectNode structure(String id, PartnerService service) {
        ServiceDetails d = service.details();
        ObjectNode node = json.createObjectNode();
        node.put("source", SOURCE);
        node.put("id", id);
        String name = d.organisation() != null ? d.organisation() : d.name();
        node.put("nom", name);
        node.put("description", description(d));
        node.put("date_maj", dateMaj(d).toString());
        address(node, d);
        return node;
    }

    private static void address(ObjectNode node, ServiceDetails d) {
        putIfPresent(node, "adresse", d.address());
        putIfPresent(node, "code_postal", d.postalCode());
        putIfPresent(node, "commune", d.city());
        putIfPresent(node, "telephone", d.phone());
        putIfPresent(node, "courriel", d.email());
    }

    /** The schema asks for 50 to 2,000 characters: what the team knows of the service, in French. */
    private static String description(ServiceDetails d) {
        StringBuilder text = new StringBuilder(d.name())
                .append(" (")
                .append(ReferralLetterTexts.kindInFrench(d.kind()))
                .append(").");
        text.append(d.acceptsUncovered() ? " Reçoit les personnes sans couverture maladie." : "");
        text.append(d.acceptsMinors() ? " Reçoit les mineurs." : "");
        text.append(d.interpreter() ? " Interprétariat possible." : "");
        if (!d.languages().isEmpty()) {
            text.append(" Langues : ").append(String.join(", ", d.languages())).append('.');
        }
        while (text.length() < 50) {
            text.append(" Service partenaire répertorié par l'équipe.");
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    }

    private LocalDate dateMaj(ServiceDetails d) {
        return d.checkedOn() != null ? d.checkedOn() : LocalDate.now(clock);
    }

    private ServiceDetails notInFuture(ServiceDetails d) {
        LocalDate checked = d.checkedOn();
        if (checked == null || !checked.isAfter(LocalDate.now(clock))) {
            return d;
        }
        return withChecked(d, LocalDate.now(clock));
    }

    private static ServiceDetails refreshed(ServiceDetails team, ServiceDetails imported) {
        return new ServiceDetails(
                team.kind(),
                imported.name(),
                imported.organisation(),
                imported.address(),
                imported.postalCode(),
                imported.city(),
                imported.openingHours(),
                team.languages(),
                imported.needs(),
                team.acceptsUncovered(),
                team.acceptsMinors(),
                team.interpreter(),
                imported.phone(),
                imported.email(),
                imported.contactName(),
                imported.checkedOn(),
                team.closed());
    }

    private static ServiceDetails withChecked(ServiceDetails d, LocalDate checked) {
        return new ServiceDetails(
                d.kind(),
                d.name(),
                d.organisation(),
                d.address(),
                d.postalCode(),
                d.city(),
                d.openingHours(),
                d.languages(),
                d.needs(),
                d.acceptsUncovered(),
                d.acceptsMinors(),
                d.interpreter(),
                d.phone(),
                d.email(),
                d.contactName(),
                checked,
                d.closed());
    }

    private static void putIfPresent(ObjectNode node, String field, @org.jspecify.annotations.Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
