package org.passerelle.people;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.InlineText;

/** The records the people module hands out and takes in. */
public final class PersonViews {

    private PersonViews() {}

    /** Things a team needs to know at once about a person. */
    public enum Flag {
        UNACCOMPANIED_MINOR,
        PREGNANT,
        NEEDS_INTERPRETER
    }

    /** How another name was given. */
    public enum NameKind {
        ALIAS,
        SPELLING,
        ORIGINAL_SCRIPT,
        PREVIOUS,
        OFFICIAL
    }

    /** The writing system of a name. */
    public enum Script {
        LATIN,
        ARABIC,
        ETHIOPIC,
        OTHER
    }

    /** Another name a person is known by. */
    public record OtherName(
            @NotBlank @Size(max = 200) @InlineText String name,
            @NotNull NameKind kind,
            @Nullable Script script,
            @Nullable @Pattern(regexp = "[a-z]{2,3}") String language) {}

    /**
     * A birth date as typed: {@code date} for an exact, month or year precision (the day or month
     * are ignored as the precision says), or an age and the day it was estimated.
     */
    public record BirthDateInput(
            @NotNull BirthDate.Precision precision,
            @Nullable LocalDate date,
            @Nullable @Min(0) @Max(120) Integer estimatedAge,
            @Nullable LocalDate estimatedOn) {

        BirthDate toBirthDate(LocalDate today) {
            BirthDate birthDate = switch (precision) {
                case EXACT -> date == null ? null : BirthDate.exact(date);
                case MONTH -> date == null ? null : BirthDate.month(date.getYear(), date.getMonthValue());
                case YEAR -> date == null ? null : BirthDate.year(date.getYear());
                case ESTIMATED ->
                    estimatedAge == null
                            ? null
                            : BirthDate.estimated(estimatedAge, estimatedOn == null ? today : estimatedOn);
            };
            if (birthDate == null) {
                throw PeopleProblems.birthDateIncomplete(BirthDate.FIELD);
            }
            return birthDate;
        }
    }

    /** What a user types to register a person or to correct their record; only the chosen name and sex are required. */
    public record PersonDetails(
            @NotBlank @Size(max = 200) @InlineText String chosenName,
            @Valid @Size(max = 20) List<OtherName> otherNames,
            @NotNull Sex sex,
            @Valid @Nullable BirthDateInput birthDate,
            @Size(max = 10) Set<@Pattern(regexp = "[a-z]{2,3}") String> languages,
            @Nullable @Pattern(regexp = "[A-Z]{2}") String countryOfOrigin,

            @Nullable @Pattern(regexp = "[+0-9 ()./-]{4,30}")
            String phone,

            Set<Flag> flags) {

        public PersonDetails {
            otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
            languages = languages == null ? Set.of() : Set.copyOf(languages);
            flags = flags == null ? Set.of() : Set.copyOf(flags);
        }
    }

    /** Registers a person; a client working offline may choose the id. */
    public record Registration(
            @Nullable UUID id, @Valid @NotNull PersonDetails details) {}

    /** Corrects a person's record; {@code version} is the version the user saw. */
    public record Correction(
            @Valid @NotNull PersonDetails details, @NotNull Long version) {}

    /** A person's whole record. */
    public record Person(
            UUID id,
            String patientCode,
            String chosenName,
            List<OtherName> otherNames,
            Sex sex,
            @Nullable BirthDate birthDate,
            @Nullable Integer age,
            Set<String> languages,
            @Nullable String countryOfOrigin,
            @Nullable String phone,
            Set<Flag> flags,
            UUID registeredSiteId,
            long version,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant emergencyAccessUntil) {}

    /**
     * A search result: enough to recognise the person. Search covers the whole organisation, so
     * that a person who moves is found rather than registered twice; {@code inScope} says whether
     * the user may open their file (see {@link PersonAccess}).
     *
     * @param match why a search by name found them; null for a patient code found and outside a
     *     search
     */
    /**
     * A person found by a search or shown in a list. For a person whose file the user does not
     * reach ({@code inScope} false) only what recognises them is given ({@link #recognisableOnly}):
     * chosen name, sex, age in years and the site that saw them last, never the patient code (which
     * the card proves when the person is present), other names, birth date or origin.
     *
     * @param lastSeenAt the site where the person was last seen (their latest contact)
     */
    public record PersonSummary(
            UUID id,
            @Nullable String patientCode,
            String chosenName,
            List<String> otherNames,
            Sex sex,
            @Nullable BirthDate birthDate,
            @Nullable Integer age,
            @Nullable String countryOfOrigin,
            @Nullable UUID registeredSiteId,
            @Nullable SiteSeen lastSeenAt,
            boolean inScope,
            @Nullable SearchMatch match) {

        PersonSummary withMatch(SearchMatch found) {
            return new PersonSummary(
                    id,
                    patientCode,
                    chosenName,
                    otherNames,
                    sex,
                    birthDate,
                    age,
                    countryOfOrigin,
                    registeredSiteId,
                    lastSeenAt,
                    inScope,
                    found);
        }

        /** This summary as a user who does not reach the file may see it: what recognises the person. */
        PersonSummary recognisableOnly() {
            if (inScope) {
                return this;
            }
            return new PersonSummary(
                    id,
                    null,
                    chosenName,
                    List.of(),
                    sex,
                    null,
                    age,
                    null,
                    null,
                    lastSeenAt,
                    false,
                    match == null ? null : match.recognisableOnly(chosenName));
        }
    }

    /** A site that saw a person, by id and name (for users who do not work there). */
    public record SiteSeen(UUID id, String name) {}

    /**
     * Why a search by name found a person.
     *
     * @param probability the chance that they are the person searched for, under the search model
     * @param matchedName which of their names, the chosen one or another, is closest to what was typed
     * @param reasons what agreed or disagreed, field by field, with its weight (log2 Bayes factor)
     */
    public record SearchMatch(double probability, String matchedName, List<MatchReason> reasons) {

        /** Fields whose agreement may be shown about a person outside the user's scope. */
        private static final java.util.Set<String> RECOGNISABLE_FIELDS = java.util.Set.of("names", "sex");

        /**
         * Without which other name matched or how the birth date compared, for a person outside the
         * user's scope: those would tell what the summary leaves out.
         */
        SearchMatch recognisableOnly(String chosenName) {
            return new SearchMatch(
                    probability,
                    chosenName,
                    reasons.stream()
                            .filter(reason -> RECOGNISABLE_FIELDS.contains(reason.field()))
                            .toList());
        }
    }

    /** Why a carer opens a file in an emergency, typed in their own words (at least 10 characters). */
    public record EmergencyRequest(
            @NotBlank @Size(max = 500) String reason) {}

    /**
     * A break-the-glass grant as reviewers see it.
     *
     * @param reason the reason typed; null once the person was erased
     * @param active whether the grant still opens the file
     */
    public record EmergencyAccess(
            UUID id,
            AccessKind kind,
            UUID personId,
            String patientCode,
            UUID userId,
            String userName,
            @Nullable UUID siteId,
            @Nullable String reason,
            Instant grantedAt,
            Instant expiresAt,
            boolean active,
            @Nullable String reviewedByName,
            @Nullable Instant reviewedAt) {}

    /**
     * What a listed access is: a break-the-glass ({@code EMERGENCY}, reading the whole file for a
     * few hours), or a person followed elsewhere taken into care at the user's site ({@code
     * TAKEN_INTO_CARE}, which opens the file to that site for good and never is {@code active}).
     */
    public enum AccessKind {
        EMERGENCY,
        TAKEN_INTO_CARE
    }

    /**
     * Why a carer takes a person followed only at other sites into care at their own: a reason in
     * their own words (at least 10 characters) and the patient code of the card the person shows,
     * typed or scanned. Neither is needed for a person already in care at one of the user's sites.
     */
    public record TakingIntoCare(
            @Nullable @Size(max = 500) String reason,
            @Nullable @Size(max = 32) String patientCode) {}

    /** Why a record is erased. */
    public enum ErasureReason {
        PERSON_REQUEST,
        CREATED_IN_ERROR,
        RETENTION_ENDED,
        LEGAL_OBLIGATION,
        OTHER
    }

    /** Erases a person; the note says why in a few words and must not name them. */
    public record Erasure(
            @NotNull ErasureReason reason,
            @Nullable @Size(max = 500) String note) {}

    /**
     * A search: a patient code or a name or part of one, optionally narrowed by sex and by a birth
     * year or an age (one or the other, see {@link SearchedBirth}).
     */
    public record Search(
            @NotBlank @Size(max = 200) String query,
            @Nullable Sex sex,
            @Nullable Integer birthYear,
            @Nullable @Min(0) @Max(BirthDate.OLDEST_AGE) Integer age,
            @Nullable @Min(1) @Max(100) Integer limit) {}

    /** Merges a duplicate record into this one: {@code mergedId}'s names and history join it. */
    public record MergeRequest(@NotNull UUID mergedId) {}

    /** Two records a data officer judged to be different people. */
    public record NotDuplicate(
            @NotNull UUID personA, @NotNull UUID personB) {}

    /**
     * A merge of one record into another; undone when {@code unmergedAt} is set.
     *
     * @param mergedCode the merged record's patient code, which now leads to the kept record
     */
    public record Merge(
            UUID id,
            UUID keptId,
            UUID mergedId,
            String mergedCode,
            Instant mergedAt,
            @Nullable Instant unmergedAt) {}

    /**
     * An existing person who may be the one being registered.
     *
     * @param probability the chance they are the same person, under the matching model
     * @param reasons what agreed or disagreed, field by field, with its weight (log2 Bayes factor)
     */
    public record LikelyMatch(PersonSummary person, double probability, List<MatchReason> reasons) {}

    /** One field's part in a match: {@code level} says how it agreed, {@code weight} how much that counted. */
    public record MatchReason(String field, String level, double weight) {}

    /** The details of a person about to be registered, to look for them first. */
    public record MatchQuery(@Valid @NotNull PersonDetails details) {}
}
