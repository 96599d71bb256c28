package org.passerelle.shelters;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonAccess;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.shelters.WaitingViews.BedOffer;
import org.passerelle.shelters.WaitingViews.PendingOffer;
import org.passerelle.shelters.WaitingViews.ShelterRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the waiting list shows besides its ranking: a person's requests, and the offers awaiting an answer. */
@Service
class WaitingReads {

    private final JdbcClient jdbc;
    private final ShelterAccess access;
    private final PersonAccess personAccess;
    private final PersonRegistry registry;
    private final AuditLog audit;

    WaitingReads(
            JdbcClient jdbc, ShelterAccess access, PersonAccess personAccess, PersonRegistry registry, AuditLog audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.personAccess = personAccess;
        this.registry = registry;
        this.audit = audit;
    }

    /** A person's requests at any shelter, newest first, for their page; read by whoever reads their file. */
    @Transactional
    public List<ShelterRequest> ofPerson(UUID personId) {
        personAccess.requireFile(personId);
        audit.record(AuditAction.READ, WaitingList.REQUEST, personId);
        return jdbc.sql(WaitingRepository.REQUEST + " and person_id = ? order by requested_at desc")
                .param(personId)
                .query(WaitingRepository::request)
                .list();
    }

    /**
     * The shelter's offers not answered yet, oldest first, each with the request's person's chosen name
     * (each person shown is audited as read, so the transaction writes).
     */
    @Transactional
    public List<PendingOffer> pending(UUID siteId) {
        access.requireStaff(siteId);
        List<BedOffer> offers = jdbc.sql(
                        WaitingRepository.OFFER + " where o.site_id = ? and o.answer = 'PENDING' order by o.offered_at")
                .param(siteId)
                .query(WaitingRepository::offer)
                .list();
        Map<UUID, ShelterRequest> requests = jdbc
                .sql(WaitingRepository.REQUEST
                        + " and id in (select request_id from shelters.offer where site_id = ? and answer = 'PENDING')")
                .param(siteId)
                .query(WaitingRepository::request)
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(ShelterRequest::id, request -> request));
        Map<UUID, PersonSummary> persons = registry.summariesForWorkList(requests.values().stream()
                .map(ShelterRequest::personId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return offers.stream()
                .map(offer -> {
                    ShelterRequest request = requests.get(offer.requestId());
                    PersonSummary person =
                            request == null || request.personId() == null ? null : persons.get(request.personId());
                    return new PendingOffer(
                            offer,
                            person == null ? null : person.chosenName(),
                            request == null ? 1 : request.householdSize());
                })
                .toList();
    }
}
