package org.passerelle.outreach;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.passerelle.outreach.OutreachViews.OutreachLabel;
import org.passerelle.outreach.OutreachViews.OutreachNeedsAndItems;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The needs a team may observe and the items it may hand out, as data ({@code outreach/reference.json}),
 * each with its label in French, English and Arabic.
 */
@Component
class OutreachReference {

    private final OutreachNeedsAndItems reference;
    private final Set<String> needs;
    private final Set<String> items;

    OutreachReference() {
        try (InputStream in = new ClassPathResource("outreach/reference.json").getInputStream()) {
            reference = JsonMapper.builder().build().readValue(in, OutreachNeedsAndItems.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        needs = reference.needs().stream().map(OutreachLabel::code).collect(Collectors.toUnmodifiableSet());
        items = reference.items().stream().map(OutreachLabel::code).collect(Collectors.toUnmodifiableSet());
    }

    OutreachNeedsAndItems reference() {
        return reference;
    }

    boolean isNeed(String code) {
        return needs.contains(code);
    }

    boolean isItem(String code) {
        return items.contains(code);
    }
}
