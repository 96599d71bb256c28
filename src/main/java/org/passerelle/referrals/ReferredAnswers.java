package org.passerelle.referrals;

import org.passerelle.care.EncounterReads;
import org.passerelle.care.EncounterViews.Encounter;
import org.passerelle.care.EncounterViews.Status;
import org.passerelle.referrals.ReferralViews.AnswerTurned;
import org.passerelle.referrals.ReferralViews.NewReferral;
import org.passerelle.referrals.ReferralViews.Referral;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Turns the "referred-to" answer of a signed consultation, as forms recorded referrals before they
 * were followed, into a referral followed step by step: the carer picks the destination in the
 * directory, and the referral is sent on the consultation's day and keeps its id. The answer stays
 * counted by the consultations' indicator; turning the same consultation again gives back the
 * referral made the first time, whoever asks.
 */
@Service
public class ReferredAnswers {

    static final String FIELD = "referred-to";

    private final EncounterReads encounters;
    private final Referrals referrals;
    private final ReferralRepository repository;
    private final ReferralReads reads;

    ReferredAnswers(
            EncounterReads encounters, Referrals referrals, ReferralRepository repository, ReferralReads reads) {
        this.encounters = encounters;
        this.referrals = referrals;
        this.repository = repository;
        this.reads = reads;
    }

    /** The referral the consultation's answer became, made now or the first time it was turned. */
    @Transactional
    public Referral turn(AnswerTurned command) {
        Encounter encounter = encounters.get(command.encounterId());
        JsonNode answer = encounter.answers().path(FIELD);
        if (encounter.status() != Status.SIGNED
                || encounter.personId() == null
                || !answer.isString()
                || answer.asString().isBlank()) {
            throw ReferralProblems.noReferredAnswer();
        }
        var existing = repository.fromAnswer(encounter.id());
        if (existing.isPresent()) {
            return reads.get(existing.get().id());
        }
        Referral referral = referrals.refer(new NewReferral(
                command.id(),
                encounter.personId(),
                command.serviceId(),
                command.reason(),
                command.urgency(),
                command.consent(),
                encounter.occurredOn(),
                encounter.id()));
        if (!repository.markFromAnswer(referral.id(), encounter.id())) {
            throw ReferralProblems.idReused();
        }
        return referral;
    }
}
