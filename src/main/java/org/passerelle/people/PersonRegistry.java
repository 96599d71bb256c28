package org.passerelle.people;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonViews.Correction;
import org.passerelle.people.PersonViews.Erasure;
import org.passerelle.people.PersonViews.LikelyMatch;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.PersonViews.Person;
import org.passerelle.people.PersonViews.PersonDetails;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.people.PersonViews.Registration;
import org.passerelle.people.PersonViews.Search;
import org.passerelle.people.matching.FellegiSunterModel;
import org.passerelle.people.matching.Linker;
import org.passerelle.people.matching.MatchablePerson;
import org.passerelle.people.matching.NameTokens;
import org.passerelle.people.matching.PersonMatching;
import org.passerelle.people.matching.PersonRecord;
import org.passerelle.people.matching.ScoredPair;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, finds, shows and corrects persons. Every read and write is checked against the
 * current user's roles and written to the audit log in the same transaction.
 */
@Service
@Transactional
public class PersonRegistry {

    static final String RECORD_TYPE = "person";
    static final String CARE_SITE_RECORD_TYPE = "person-care-site";
    private static final int DEFAULT_LIMIT = 20;

    private final PersonRepository persons;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final KeyShredding shredding;
    private final PersonAccess access;
    private final MatchIndex matchIndex;

    PersonRegistry(
            PersonRepository persons,
            CurrentUsers currentUsers,
            AuditLog audit,
            Clock clock,
            ApplicationEventPublisher events,
            PersonAccess access,
            MatchIndex matchIndex,
            KeyShredding shredding) {
        this.matchIndex = matchIndex;
        this.shredding = shredding;
        this.access = access;
        this.events = events;
        this.persons = persons;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers a person at the current user's site and gives them a new patient code. A client
     * that chose the id may send the same registration again (its answer was lost): the person
     * registered the first time is the answer; another registration with that id is refused.
     */
    public Person register(Registration registration) {
        CurrentUser user = PersonAccess.requireCarer(currentUsers.current());
        UUID siteId = user.requireCurrentSite();
        BirthDate birthDate = birthDate(registration.details());
        UUID id = Objects.requireNonNullElseGet(registration.id(), Ids::newId);
        if (persons.exists(id)) {
            return alreadyRegistered(id, registration.details());
        }
        String code;
        do {
            code = PatientCode.generate();
        } while (persons.codeTaken(code));
        persons.insert(id, code, registration.details(), birthDate, siteId, user.id());
        access.recordContact(id, siteId, LocalDate.now(clock));
        audit.record(AuditAction.CREATE, RECORD_TYPE, id);
        return load(id, null);
    }

    /**
     * The person registered with this id when {@code details} are what they were registered with
     * (and nobody changed them since), for a registration sent again; 409 {@code person-exists}
     * otherwise, or when the user does not reach that person.
     */
    private Person alreadyRegistered(UUID id, PersonDetails details) {
        if (!access.writable(id)) {
            throw PeopleProblems.personExists();
        }
        Person existing = load(id, null);
        if (!PersonFields.sameDetails(existing, details, LocalDate.now(clock))) {
            throw PeopleProblems.personExists();
        }
        audit.record(AuditAction.READ, RECORD_TYPE, id);
        return existing;
    }

    /** A person's whole record, for a user whose site scope or break-the-glass reaches it. */
    public Person get(UUID id) {
        PersonAccess.FileAccess file = access.requireFile(id);
        Person person = load(id, file.emergencyUntil());
        audit.record(AuditAction.READ, RECORD_TYPE, id);
        return person;
    }

    /**
     * The whole records of these persons, in the order given, each as {@link #get} reads it, with a
     * few queries for the lot (a page of search results): a role that reads no persons is refused
     * (403); a person who no longer exists, or whom the user's site scope or break-the-glass does not
     * reach, is left out. Each person given is recorded as read, in one statement.
     */
    public List<Person> getAll(List<UUID> ids) {
        CurrentUser user = PersonAccess.requireReader(currentUsers.current());
        Map<UUID, PersonAccess.FileAccess> files = access.filesReached(user, Set.copyOf(ids));
        List<PersonRepository.Row> reached = persons.findAllById(List.copyOf(files.keySet()));
        Map<UUID, List<OtherName>> names = persons.otherNames(ids(reached));
        Map<UUID, Person> byId = new java.util.HashMap<>();
        for (PersonRepository.Row row : reached) {
            PersonAccess.FileAccess file = Objects.requireNonNull(files.get(row.id()));
            byId.put(row.id(), person(row, names.getOrDefault(row.id(), List.of()), file.emergencyUntil()));
        }
        List<Person> found =
                ids.stream().distinct().map(byId::get).filter(Objects::nonNull).toList();
        audit.recordAll(
                AuditAction.READ, RECORD_TYPE, found.stream().map(Person::id).toList());
        return found;
    }

    /** Corrects a record; refuses, changing nothing, when someone else changed it since {@code version}. */
    public Person correct(UUID id, Correction correction) {
        CurrentUser user = access.requireWritable(id);
        user.requireCurrentSite();
        return write(user, id, correction);
    }

    /**
     * Corrects a record to resolve a conflict between two devices: by a carer who may write about the
     * person, or by a data officer whose site scope reaches them.
     */
    Person correctResolvingConflict(UUID id, Correction correction) {
        CurrentUser user = currentUsers.current();
        if (user.hasRole(Role.DATA_OFFICER) && !user.caresForPeople()) {
            if (!persons.exists(id)) {
                throw DomainException.notFound(RECORD_TYPE);
            }
            if (!access.inSiteScope(user, id)) {
                throw PeopleProblems.personOutsideScope();
            }
            return write(user, id, correction);
        }
        return correct(id, correction);
    }

    private Person write(CurrentUser user, UUID id, Correction correction) {
        UUID chosenSite = user.currentSiteId();
        UUID siteId = chosenSite != null
                ? chosenSite
                : persons.findById(id)
                        .map(PersonRepository.Row::registeredSiteId)
                        .orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        BirthDate birthDate = birthDate(correction.details());
        long current = persons.version(id).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        if (!persons.update(id, correction.version(), correction.details(), birthDate, siteId, user.id())) {
            throw DomainException.staleVersion(current);
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return load(id, null);
    }

    /**
     * Finds persons by patient code, or by name with why each was found (see {@link SearchMatches}),
     * most probable first, across the organisation; persons outside the user's scope only as far as
     * recognises them ({@link PersonSummary#recognisableOnly}). The search terms are never logged or
     * audited.
     */
    public List<PersonSummary> search(Search search) {
        CurrentUser user = PersonAccess.requireReader(currentUsers.current());
        SearchedBirth birth = SearchedBirth.of(search.birthYear(), search.age(), LocalDate.now(clock));
        Optional<String> code = PatientCode.parse(search.query());
        List<String> words = code.isPresent() ? List.of() : SearchText.tokens(search.query());
        if (code.isEmpty() && words.isEmpty()) {
            throw PeopleProblems.searchEmpty();
        }
        audit.record(AuditAction.SEARCH, RECORD_TYPE, null);
        if (code.isPresent()) {
            List<PersonRepository.Row> rows =
                    code.flatMap(persons::findByCode).map(List::of).orElse(List.of());
            return summaries(user, rows, persons.otherNames(ids(rows))).stream()
                    .map(PersonSummary::recognisableOnly)
                    .toList();
        }
        return byName(user, search, birth, words, search.limit() == null ? DEFAULT_LIMIT : search.limit()).stream()
                .map(PersonSummary::recognisableOnly)
                .toList();
    }

    /**
     * The persons whose names start with the words typed, then, when they are fewer than {@code
     * limit}, those whose names sound like them ({@link PersonRepository#searchVariants}) and the
     * {@link #spellingVariants}; each explained by the engine and given its probability of being the
     * one sought ({@link SearchMatches#calibrated}), most probable first.
     */
    private List<PersonSummary> byName(
            CurrentUser user, Search search, @Nullable SearchedBirth birth, List<String> words, int limit) {
        List<PersonRepository.Row> rows = new ArrayList<>(persons.search(words, search.sex(), birth));
        int begun = rows.size();
        if (rows.size() < limit) {
            soundingLike(NameTokens.of(search.query()), search, birth, rows, limit);
        }
        Map<UUID, List<OtherName>> otherNames = persons.otherNames(ids(rows));
        PersonRecord query = new PersonRecord(
                "search",
                List.of(search.query()),
                search.sex() == null ? Sex.UNKNOWN : search.sex(),
                birth == null ? null : birth.date(),
                null);
        MatchablePerson probe = MatchablePerson.of(query);
        List<PersonSummary> summaries = unplaced(rows, otherNames);
        List<SearchMatches.Found> found = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MatchablePerson compared = MatchablePerson.of(persons.matchable(
                    rows.get(i), otherNames.getOrDefault(rows.get(i).id(), List.of())));
            found.add(SearchMatches.found(probe, compared, summaries.get(i)));
        }
        if (found.size() < limit) {
            found.addAll(spellingVariants(user, search, birth, query, probe, ids(rows)));
        }
        double unseen = begun < PersonRepository.CANDIDATES
                ? 0
                : unseenLikelihood(words, search, birth, found.subList(0, begun));
        return placed(
                user,
                SearchMatches.calibrated(found, unseen).stream()
                        .sorted(SearchMatches.ranking(words))
                        .limit(limit)
                        .toList());
    }

    /** A query of at most this many tokens is looked up again without each in turn. */
    private static final int MOST_TOKENS_LEFT_OUT = 4;

    /**
     * Adds to {@code rows} the persons whose names sound like every token of the query (by the
     * phonetic key, then, while they are fewer than {@code limit}, by the variant key), then, while
     * they are fewer than {@code limit}, those sounding like all of them but one (a name dropped or
     * added at one registration, or mistyped), each token left out in turn.
     */
    private void soundingLike(
            List<String> tokens,
            Search search,
            @Nullable SearchedBirth birth,
            List<PersonRepository.Row> rows,
            int limit) {
        List<String> distinct = tokens.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return;
        }
        // those sounding alike by the phonetic key first: they rank above those only the coarser
        // variant key finds, so the walk's limit keeps the better ones when a name is common
        for (boolean coarse : new boolean[] {false, true}) {
            if (rows.size() < limit) {
                rows.addAll(persons.searchVariants(
                        distinct, coarse, search.sex(), birth, ids(rows), PersonRepository.CANDIDATES));
            }
        }
        if (distinct.size() < 2 || distinct.size() > MOST_TOKENS_LEFT_OUT) {
            return;
        }
        for (String left : distinct) {
            if (rows.size() >= limit) {
                return;
            }
            List<String> others =
                    distinct.stream().filter(token -> !token.equals(left)).toList();
            // weaker matches: two names or more left are rare enough together to be fetched and
            // ranked (a share of the walk's limit for each name left out, so that a search reads at
            // most that many more persons); one name left alone is common, and the page only takes
            // what it still needs of those, to keep the search fast
            int most = others.size() >= 2
                    ? Math.max(limit - rows.size(), PersonRepository.CANDIDATES / distinct.size())
                    : limit - rows.size();
            rows.addAll(persons.searchVariants(others, true, search.sex(), birth, ids(rows), most));
        }
    }

    /** Persons counted beyond those fetched when a common name finds more than a search fetches. */
    private static final int COUNTED = 5_000;

    /**
     * The likelihood of the persons whose names start with the words but who were not fetched, the
     * fetched ones' mean likelihood for each.
     */
    private double unseenLikelihood(
            List<String> words, Search search, @Nullable SearchedBirth birth, List<SearchMatches.Found> fetched) {
        int all = persons.countMatches(words, search.sex(), birth, COUNTED);
        double mean = fetched.stream()
                .mapToDouble(SearchMatches.Found::likelihood)
                .average()
                .orElse(0);
        return Math.max(0, all - fetched.size()) * mean;
    }

    /**
     * The persons the matching engine finds likely under another spelling, order or script than
     * the words typed (Yusuf for Youssef, محمد for Mohamed), leaving out those already found and
     * those the sex or birth searched for rules out. The engine needs two names, or a name and a
     * birth year or age, to look.
     */
    private List<SearchMatches.Found> spellingVariants(
            CurrentUser user,
            Search search,
            @Nullable SearchedBirth birth,
            PersonRecord query,
            MatchablePerson probe,
            List<UUID> already) {
        Set<UUID> found = new HashSet<>(already);
        return likelyCandidates(
                        user,
                        query,
                        probe,
                        row -> !found.contains(row.id())
                                && (search.sex() == null || row.sex() == search.sex() || row.sex() == Sex.UNKNOWN)
                                && (birth == null || birth.admits(row.birthDate())),
                        SearchMatches.MODEL)
                .stream()
                .map(candidate -> SearchMatches.found(probe, candidate.compared(), candidate.person()))
                .toList();
    }

    /**
     * Before a new registration: the existing persons most likely to be the same person, whatever
     * the spelling, order or script of their names, with the probability and what agreed. The
     * search covers the whole organisation, like {@link #search}; the search terms are never logged.
     */
    public List<LikelyMatch> likelyMatches(PersonDetails details) {
        CurrentUser user = PersonAccess.requireCarer(currentUsers.current());
        BirthDate birthDate = birthDate(details);
        List<String> names = new ArrayList<>();
        names.add(details.chosenName());
        details.otherNames().forEach(name -> names.add(name.name()));
        PersonRecord query = new PersonRecord("new", names, details.sex(), birthDate, details.countryOfOrigin());
        audit.record(AuditAction.SEARCH, RECORD_TYPE, null);
        MatchablePerson probe = MatchablePerson.of(query);
        List<Candidate> shown = likelyCandidates(user, query, probe, row -> true, MODEL).stream()
                .limit(LIKELY_SHOWN)
                .toList();
        List<PersonSummary> persons =
                placed(user, shown.stream().map(Candidate::person).toList());
        List<LikelyMatch> matches = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Candidate candidate = shown.get(i);
            matches.add(new LikelyMatch(
                    persons.get(i).recognisableOnly(),
                    candidate.pair().probability(),
                    SearchMatches.reasons(LINKER.explain(probe, candidate.compared(), MODEL))));
        }
        return matches;
    }

    /** A person the engine found likely, as the user sees them, and what the engine compared. */
    private record Candidate(PersonSummary person, MatchablePerson compared, ScoredPair pair) {}

    /**
     * The persons sharing match keys with {@code query} ({@code probe} as the engine sees it) and
     * kept by {@code keep}, at least
     * {@link #LIKELY} to be the same person under {@code model}, most likely first.
     */
    private List<Candidate> likelyCandidates(
            CurrentUser user,
            PersonRecord query,
            MatchablePerson probe,
            Predicate<PersonRepository.Row> keep,
            FellegiSunterModel model) {
        List<PersonRepository.Row> rows = persons.findAllById(matchIndex.candidates(query)).stream()
                .filter(keep)
                .toList();
        Map<UUID, List<OtherName>> otherNames = persons.otherNames(ids(rows));
        List<MatchablePerson> compared = rows.stream()
                .map(row -> MatchablePerson.of(persons.matchable(row, otherNames.getOrDefault(row.id(), List.of()))))
                .toList();
        List<PersonSummary> summaries = unplaced(rows, otherNames);
        return LINKER.lookUp(probe, compared, model, model.scoreFor(LIKELY)).stream()
                .map(pair -> new Candidate(summaries.get(pair.second()), compared.get(pair.second()), pair))
                .toList();
    }

    private static final Linker<MatchablePerson> LINKER = SearchMatches.LINKER;
    private static final FellegiSunterModel MODEL = PersonMatching.defaultModel();

    /** Candidates at least this likely to be the same person are shown before a registration. */
    static final double LIKELY = 0.2;

    static final int LIKELY_SHOWN = 5;

    private static List<UUID> ids(List<PersonRepository.Row> rows) {
        return rows.stream().map(PersonRepository.Row::id).toList();
    }

    private List<PersonSummary> summaries(
            CurrentUser user, List<PersonRepository.Row> rows, Map<UUID, List<OtherName>> names) {
        Set<UUID> reachable = access.reachable(user, ids(rows));
        Map<UUID, PersonViews.SiteSeen> lastSeen = access.lastSeenSites(ids(rows));
        LocalDate today = LocalDate.now(clock);
        return rows.stream()
                .map(row -> summary(
                        row,
                        names.getOrDefault(row.id(), List.of()),
                        today,
                        lastSeen.get(row.id()),
                        reachable.contains(row.id())))
                .toList();
    }

    /**
     * The summaries of persons found, before it is known which will be shown: without the user's
     * scope and the site where each was seen last, which {@link #placed} adds to the few kept.
     */
    private List<PersonSummary> unplaced(List<PersonRepository.Row> rows, Map<UUID, List<OtherName>> names) {
        LocalDate today = LocalDate.now(clock);
        return rows.stream()
                .map(row -> summary(row, names.getOrDefault(row.id(), List.of()), today, null, false))
                .toList();
    }

    /** {@code found} with whether the user reaches each and where each was seen last. */
    private List<PersonSummary> placed(CurrentUser user, List<PersonSummary> found) {
        if (found.isEmpty()) {
            return found;
        }
        List<UUID> ids = found.stream().map(PersonSummary::id).toList();
        Set<UUID> reachable = access.reachable(user, ids);
        Map<UUID, PersonViews.SiteSeen> lastSeen = access.lastSeenSites(ids);
        return found.stream()
                .map(person -> new PersonSummary(
                        person.id(),
                        person.patientCode(),
                        person.chosenName(),
                        person.otherNames(),
                        person.sex(),
                        person.birthDate(),
                        person.age(),
                        person.countryOfOrigin(),
                        person.registeredSiteId(),
                        lastSeen.get(person.id()),
                        reachable.contains(person.id()),
                        person.match()))
                .toList();
    }

    private static PersonSummary summary(
            PersonRepository.Row row,
            List<OtherName> names,
            LocalDate today,
            PersonViews.@Nullable SiteSeen lastSeen,
            boolean inScope) {
        return new PersonSummary(
                row.id(),
                row.patientCode(),
                row.chosenName(),
                names.stream().map(OtherName::name).toList(),
                row.sex(),
                row.birthDate(),
                age(row.birthDate(), today),
                row.countryOfOrigin(),
                row.registeredSiteId(),
                lastSeen,
                inScope,
                null);
    }

    /**
     * Erases a person: every module deletes what it holds about them in this transaction (see
     * {@link PersonErased}), and once it is committed their key is destroyed, so that nothing of
     * them can be read from any earlier copy of the database either. Only data officers and
     * administrators may erase, and the erasure is audited with its reason.
     */
    public void erase(UUID id, Erasure erasure) {
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(Role.DATA_OFFICER, Role.ADMINISTRATOR)) {
            throw DomainException.roleNotAllowed();
        }
        if (persons.exists(id) && !access.inSiteScope(user, id)) {
            throw PeopleProblems.personOutsideScope();
        }
        eraseRecord(id, user.id(), erasure);
    }

    /**
     * Erases a person as {@link #erase} does, without the role check: for the current user
     * {@code erasedBy}, or for the system itself (retention) when it is null.
     */
    void eraseRecord(UUID id, @Nullable UUID erasedBy, Erasure erasure) {
        eraseRecord(id, erasedBy, erasure, erasedBy == null);
    }

    private void eraseRecord(UUID id, @Nullable UUID erasedBy, Erasure erasure, boolean bySystem) {
        if (!persons.exists(id)) {
            throw DomainException.notFound(RECORD_TYPE);
        }
        for (UUID merged : persons.mergedInto(id)) {
            eraseMerged(merged);
        }
        events.publishEvent(new PersonErased(id));
        persons.delete(id);
        persons.recordErasure(id, erasedBy, erasure);
        if (bySystem) {
            audit.recordBySystem(
                    AuditAction.DELETE, RECORD_TYPE, id, erasure.reason().name());
        } else {
            audit.record(AuditAction.DELETE, RECORD_TYPE, id);
        }
        destroyKeyAfterCommit(id);
    }

    /**
     * Erases again a person whom the erasure journal names as erased after the backup just restored
     * was made, so that they do not come back with it; returns whether they were in the backup. For
     * the restore only: {@code erasedBy} is who erased them the first time, none for retention.
     */
    public boolean eraseAgainAfterRestore(UUID id, @Nullable UUID erasedBy) {
        if (!persons.exists(id)) {
            return false;
        }
        eraseRecord(
                id,
                erasedBy,
                erasedBy == null
                        ? new Erasure(PersonViews.ErasureReason.RETENTION_ENDED, null)
                        : new Erasure(PersonViews.ErasureReason.OTHER, "erased again after a restore"),
                true);
        return true;
    }

    /** Erases a record merged into one being erased: nothing of the person may remain in either. */
    private void eraseMerged(UUID id) {
        for (UUID merged : persons.mergedInto(id)) {
            eraseMerged(merged);
        }
        events.publishEvent(new PersonErased(id));
        persons.delete(id);
        destroyKeyAfterCommit(id);
    }

    /** Destroys a person's key once the erasing transaction is committed (crypto-shredding). */
    private void destroyKeyAfterCommit(UUID id) {
        shredding.destroyAfterCommit(id);
    }

    /** Which of these ids a person holds, or held (live, erased or merged: an id is never given twice). */
    @Transactional(readOnly = true)
    Set<UUID> taken(List<UUID> ids) {
        return persons.taken(ids);
    }

    /** The signed-in user, for the module's own batch work. */
    CurrentUser currentUser() {
        return currentUsers.current();
    }

    /** Whether a person exists, for other modules that record something about them. */
    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return persons.exists(id);
    }

    private @Nullable BirthDate birthDate(PersonDetails details) {
        if (details.birthDate() == null) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        BirthDate birthDate = details.birthDate().toBirthDate(today);
        birthDate.checkPlausible(today);
        return birthDate;
    }

    /** A person's whole record as stored, without any check: for the module's own sync of records it checked. */
    Person current(UUID id) {
        return load(id, null);
    }

    /**
     * The whole records of live persons by id, without any check, read with a few queries for the
     * lot: for the module's own sync of records it checked.
     */
    Map<UUID, Person> currentAll(List<UUID> ids) {
        List<PersonRepository.Row> rows = persons.findAllById(ids);
        Map<UUID, List<OtherName>> names = persons.otherNames(ids(rows));
        Map<UUID, Person> found = new java.util.HashMap<>();
        rows.forEach(row -> found.put(row.id(), person(row, names.getOrDefault(row.id(), List.of()), null)));
        return found;
    }

    private Person load(UUID id, @Nullable Instant emergencyAccessUntil) {
        PersonRepository.Row row = persons.findById(id).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        List<OtherName> names = persons.otherNames(List.of(id)).getOrDefault(id, List.of());
        return person(row, names, emergencyAccessUntil);
    }

    private Person person(PersonRepository.Row row, List<OtherName> names, @Nullable Instant emergencyAccessUntil) {
        return new Person(
                row.id(),
                row.patientCode(),
                row.chosenName(),
                names,
                row.sex(),
                row.birthDate(),
                age(row.birthDate(), LocalDate.now(clock)),
                row.languages(),
                row.countryOfOrigin(),
                row.phone(),
                row.flags(),
                row.registeredSiteId(),
                row.version(),
                row.createdAt(),
                row.updatedAt(),
                emergencyAccessUntil);
    }

    /**
     * The summaries of live persons for a work list of the current user (visits due, ...), by id;
     * each person shown is recorded as read. An empty list reads and records nothing.
     */
    @Transactional
    public Map<UUID, PersonSummary> summariesForWorkList(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, PersonSummary> found = summariesOf(currentUsers.current(), ids);
        audit.recordAll(AuditAction.READ, RECORD_TYPE, List.copyOf(found.keySet()));
        return found;
    }

    /** The summaries of live persons as {@code user} sees them in a list, by id; no file is opened. */
    Map<UUID, PersonSummary> summariesOf(CurrentUser user, List<UUID> ids) {
        List<PersonRepository.Row> rows = persons.findAllById(ids);
        Map<UUID, PersonSummary> byId = new java.util.HashMap<>();
        summaries(user, rows, persons.otherNames(ids(rows))).forEach(summary -> byId.put(summary.id(), summary));
        return byId;
    }

    private static @Nullable Integer age(@Nullable BirthDate birthDate, LocalDate today) {
        return birthDate == null ? null : birthDate.ageOn(today);
    }
}
