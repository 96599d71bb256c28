package org.passerelle.people;

import jakarta.validation.Valid;
import java.util.UUID;
import org.passerelle.people.PersonalDataExport.Format;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's card, as a PDF to print or an HTML print view. POSTed: printing it is an audited act,
 * and a write carries the CSRF token; the answer is never kept in a cache.
 */
@RestController
@RequestMapping("/api/people")
class PatientCardController {

    private final PatientCards cards;

    PatientCardController(PatientCards cards) {
        this.cards = cards;
    }

    @PostMapping("/{id}/card")
    ResponseEntity<byte[]> card(@PathVariable UUID id, @Valid @RequestBody PatientCards.CardRequest request) {
        PatientCards.Card card = cards.card(id, request);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(card.format().mediaType));
        ContentDisposition.Builder disposition =
                card.format() == Format.PDF ? ContentDisposition.attachment() : ContentDisposition.inline();
        headers.setContentDisposition(disposition.filename(card.fileName()).build());
        headers.setCacheControl(CacheControl.noStore());
        headers.set("X-Content-Type-Options", "nosniff");
        if (card.format() == Format.HTML) {
            headers.set("Content-Security-Policy", PatientCardHtml.CONTENT_SECURITY_POLICY);
        }
        return ResponseEntity.ok().headers(headers).body(card.content());
    }
}
