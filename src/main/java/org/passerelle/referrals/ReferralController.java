package org.passerelle.referrals;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.referrals.ReferralViews.AnswerTurned;
import org.passerelle.referrals.ReferralViews.NewAccompaniment;
import org.passerelle.referrals.ReferralViews.NewReferral;
import org.passerelle.referrals.ReferralViews.NewStep;
import org.passerelle.referrals.ReferralViews.Referral;
import org.passerelle.referrals.ReferralViews.ToFollow;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Referrals of a person, their steps and accompaniments, the site's "to follow" list, the letter. */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private final Referrals referrals;
    private final ReferralReads reads;
    private final ReferralLetter letters;
    private final ReferredAnswers answers;

    ReferralController(Referrals referrals, ReferralReads reads, ReferralLetter letters, ReferredAnswers answers) {
        this.referrals = referrals;
        this.reads = reads;
        this.letters = letters;
        this.answers = answers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Referral refer(@Valid @RequestBody NewReferral referral) {
        return referrals.refer(referral);
    }

    /** Turns a signed consultation's "referred-to" answer into a referral; again, the same one. */
    @PostMapping("/from-answer")
    @ResponseStatus(HttpStatus.CREATED)
    Referral turn(@Valid @RequestBody AnswerTurned answer) {
        return answers.turn(answer);
    }

    @GetMapping("/{id}")
    Referral get(@PathVariable UUID id) {
        return reads.get(id);
    }

    @PostMapping("/{id}/steps")
    Referral step(@PathVariable UUID id, @Valid @RequestBody NewStep step) {
        return referrals.recordStep(id, step);
    }

    @PostMapping("/{id}/accompaniments")
    @ResponseStatus(HttpStatus.CREATED)
    Referral accompany(@PathVariable UUID id, @Valid @RequestBody NewAccompaniment accompaniment) {
        return referrals.accompany(id, accompaniment);
    }

    /** The open referrals of the user's current site, overdue ones first. */
    @GetMapping("/to-follow")
    List<ToFollow> toFollow() {
        return reads.toFollow();
    }

    /** A person's referrals (an id in the path, never a name). */
    @GetMapping("/people/{personId}")
    List<Referral> ofPerson(@PathVariable UUID personId) {
        return reads.ofPerson(personId);
    }

    /** Which language the person's summary is written in: fr, en or ar; theirs when none. */
    record LetterRequest(@Nullable String language) {}

    /**
     * The letter, in French with the person's summary in their language. POSTed: printing it is an
     * audited act, and a write carries the CSRF token; the answer is never kept in a cache.
     */
    @PostMapping(value = "/{id}/letter", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable UUID id, @RequestBody LetterRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(
                ContentDisposition.attachment().filename("orientation.pdf").build());
        headers.setCacheControl(CacheControl.noStore());
        headers.set("X-Content-Type-Options", "nosniff");
        return ResponseEntity.ok().headers(headers).body(letters.pdf(id, request.language()));
    }
}
