package org.passerelle.shelters;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonAccess;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.platform.DomainException;
import org.passerelle.shelters.ShelterViews.ExpectedArrival;
import org.passerelle.shelters.WaitingViews.BedOffer;
import org.passerelle.shelters.WaitingViews.Criterion;
import org.passerelle.shelters.WaitingViews.NewBedOffer;
import org.passerelle.shelters.WaitingViews.NewShelterRequest;
import org.passerelle.shelters.WaitingViews.OfferAnswer;
import org.passerelle.shelters.WaitingViews.OfferReply;
import org.passerelle.shelters.WaitingViews.RankedRequest;
import org.passerelle.shelters.WaitingViews.ShelterRequest;
import org.passerelle.shelters.WaitingViews.Status;
import org.passerelle.shelters.WaitingViews.WaitingRule;
import org.passerelle.shelters.WaitingViews.WaitingRuleChange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waiting list of a shelter, ranked by need: requests with the criteria they meet, the
 * coordinator's priority rule (every change audited), the ranking with every reason, offers of a
 * bed and their answers, and the time each request waited.
 */
@Service
public class WaitingList {

    static final String REQUEST = "shelter-request";
    static final String OFFER = "shelter-offer";
    static final String RULE = "shelter-priority-rule";
    private static final Set<String> SEXES = Set.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    private static final Set<String> AGE_GROUPS = Set.of("00-04", "05-14", "15-17", "18+", "unknown");

    private final WaitingRepository repository;
    private final ShelterAccess access;
    private final PersonAccess personAccess;
    private final PersonRegistry registry;
    private final Clock clock;
    private final AuditLog audit;

    WaitingList(
            WaitingRepository repository,
            ShelterAccess access,
            PersonAccess personAccess,
            PersonRegistry registry,
            Clock clock,
            AuditLog audit) {
        this.repository = repository;
        this.access = access;
        this.personAccess = personAccess;
        this.registry = registry;
        this.clock = clock;
        this.audit = audit;
    }

    /** Adds a request to the shelter's list; sent again with the same id, answers the request. */
    @Transactional
    public ShelterRequest request(NewShelterRequest command) {
        CurrentUser user = access.requireStaff(command.siteId());
        List<Criterion> criteria = criteria(command.criteria());
        String sex = Objects.requireNonNullElse(command.sex(), "UNKNOWN");
        String ageGroup = Objects.requireNonNullElse(command.ageGroup(), "unknown");
        if (command.personId() != null) {
            personAccess.requireWritable(command.personId());
            PersonSummary person =
                    registry.summariesForWorkList(List.of(command.personId())).get(command.personId());
            if (person == null) {
                throw DomainException.notFound("person");
            }
            sex = person.sex().name();
            ageGroup = Stays.ageGroup(person.age());
        }
        if (!SEXES.contains(sex)) {
            throw DomainException.invalidInput("sex");
        }
        if (!AGE_GROUPS.contains(ageGroup)) {
            throw DomainException.invalidInput("ageGroup");
        }
        Instant now = clock.instant();
        ShelterRequest request = new ShelterRequest(
                command.id(),
                command.siteId(),
                command.personId(),
                command.source(),
                sex,
                ageGroup,
                Objects.requireNonNullElse(command.householdSize(), 1),
                criteria,
                now,
                LocalDate.now(clock),
                Status.WAITING,
                1);
        if (!repository.insert(request, user.id())) {
            return repository.find(command.id()).orElseThrow(ShelterProblems::idReused);
        }
        audit.record(AuditAction.CREATE, REQUEST, command.id());
        return repository.find(command.id()).orElseThrow();
    }

    /** The waiting requests, ranked by the shelter's rule, each with why. */
    @Transactional
    public List<RankedRequest> ranking(UUID siteId) {
        access.requireStaff(siteId);
        List<ShelterRequest> waiting = repository.waiting(siteId);
        Map<UUID, PersonSummary> persons = registry.summariesForWorkList(waiting.stream()
                .map(ShelterRequest::personId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return rule(siteId).rank(waiting, LocalDate.now(clock), request -> name(request, persons));
    }

    @Transactional(readOnly = true)
    public WaitingRule rule(UUID siteId, boolean forReading) {
        access.requireStaff(siteId);
        PriorityRule rule = rule(siteId);
        return new WaitingRule(siteId, rule.weights(), rule.pointsPerDay(), repository.ruleVersion(siteId));
    }

    /** The coordinator sets the shelter's rule; the change is audited. */
    @Transactional
    public WaitingRule changeRule(UUID siteId, WaitingRuleChange change) {
        CurrentUser user = access.requireCoordinator(siteId);
        Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
        for (Map.Entry<String, Integer> weight : change.weights().entrySet()) {
            weights.put(criterion("weights." + weight.getKey(), weight.getKey()), weight.getValue());
        }
        if (!repository.saveRule(
                siteId, new PriorityRule(weights, change.pointsPerDay()), change.version(), user.id())) {
            throw DomainException.staleVersion(repository.ruleVersion(siteId));
        }
        audit.record(AuditAction.UPDATE, RULE, siteId);
        return rule(siteId, true);
    }

    /** Offers a bed (or a place) to a waiting request. */
    @Transactional
    public BedOffer offer(UUID requestId, NewBedOffer command) {
        ShelterRequest request = repository.find(requestId).orElseThrow(() -> ShelterProblems.notFound(REQUEST));
        CurrentUser user = access.requireStaff(request.siteId());
        var existing = repository.offer(command.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        if (request.status() != Status.WAITING) {
            throw ShelterProblems.requestClosed();
        }
        repository.insertOffer(
                command.id(), request, command.bedId(), clock.instant(), LocalDate.now(clock), user.id());
        repository.setStatus(requestId, Status.OFFERED, null, user.id());
        audit.record(AuditAction.CREATE, OFFER, command.id());
        return repository.offer(command.id()).orElseThrow();
    }

    /** Records the answer to an offer: accepted (the person is expected), or refused (back on the list). */
    @Transactional
    public BedOffer reply(UUID offerId, OfferReply reply) {
        BedOffer offer = repository.offer(offerId).orElseThrow(() -> ShelterProblems.notFound(OFFER));
        ShelterRequest request = repository.find(offer.requestId()).orElseThrow();
        CurrentUser user = access.requireStaff(request.siteId());
        if (reply.answer() == OfferAnswer.PENDING
                || (reply.answer() == OfferAnswer.REFUSED) != (reply.refusalReason() != null)) {
            throw DomainException.invalidInput("refusalReason");
        }
        if (!repository.answer(offerId, reply.answer(), reply.refusalReason(), clock.instant(), reply.version())) {
            throw DomainException.staleVersion(offer.version());
        }
        if (reply.answer() == OfferAnswer.REFUSED) {
            repository.setStatus(request.id(), Status.WAITING, null, user.id());
        }
        audit.record(AuditAction.UPDATE, OFFER, offerId);
        return repository.offer(offerId).orElseThrow();
    }

    /** Withdraws a request (found a place elsewhere, no longer reachable). */
    @Transactional
    public ShelterRequest withdraw(UUID requestId) {
        ShelterRequest request = repository.find(requestId).orElseThrow(() -> ShelterProblems.notFound(REQUEST));
        CurrentUser user = access.requireStaff(request.siteId());
        if (request.status() == Status.ADMITTED || request.status() == Status.WITHDRAWN) {
            throw ShelterProblems.requestClosed();
        }
        repository.setStatus(requestId, Status.WITHDRAWN, clock.instant(), user.id());
        audit.record(AuditAction.UPDATE, REQUEST, requestId);
        return repository.find(requestId).orElseThrow();
    }

    /** A request whose person was admitted leaves the list. */
    void admitted(UUID requestId) {
        repository.find(requestId).ifPresent(request -> {
            if (request.status() != Status.ADMITTED) {
                repository.setStatus(requestId, Status.ADMITTED, clock.instant(), null);
            }
        });
    }

    /** Accepted offers whose person has not arrived, for the board. */
    List<ExpectedArrival> expected(UUID siteId) {
        List<ShelterRequest> expected = repository.expected(siteId);
        Map<UUID, PersonSummary> persons = registry.summariesForWorkList(expected.stream()
                .map(ShelterRequest::personId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        List<ExpectedArrival> arrivals = new ArrayList<>();
        for (ShelterRequest request : expected) {
            UUID bedId =
                    repository.acceptedOffer(request.id()).map(BedOffer::bedId).orElse(null);
            arrivals.add(new ExpectedArrival(
                    request.id(), request.personId(), name(request, persons), bedId, request.householdSize()));
        }
        return arrivals;
    }

    private PriorityRule rule(UUID siteId) {
        return repository.rule(siteId).orElseGet(PriorityRule::standard);
    }

    private static @Nullable String name(ShelterRequest request, Map<UUID, PersonSummary> persons) {
        PersonSummary person = request.personId() == null ? null : persons.get(request.personId());
        return person == null ? null : person.chosenName();
    }

    private static List<Criterion> criteria(List<String> given) {
        Set<Criterion> criteria = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            criteria.add(criterion("criteria[" + i + "]", given.get(i)));
        }
        return List.copyOf(criteria);
    }

    private static Criterion criterion(String field, String name) {
        try {
            return Criterion.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ShelterProblems.unknownCriterion(field);
        }
    }
}
