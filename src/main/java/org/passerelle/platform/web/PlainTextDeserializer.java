package org.passerelle.platform.web;

import org.passerelle.platform.PlainText;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads every JSON string the API receives and refuses those no person types: control characters
 * other than tab and line breaks (NUL among them, which PostgreSQL cannot store in text) and
 * unpaired surrogates (which cannot be encoded in UTF-8 and would be stored as "?"). Refusing them
 * here, at the edge, covers every text field of every command, present and future.
 */
class PlainTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = super.deserialize(parser, context);
        if (text != null && !PlainText.isPlain(text)) {
            throw new InvalidCharactersException(parser);
        }
        return text;
    }

    /** A string with characters that are refused; its path says which field it was. */
    static final class InvalidCharactersException extends MismatchedInputException {

        InvalidCharactersException(JsonParser parser) {
            super(parser, "text with a control character or an unpaired surrogate", String.class);
        }
    }
}
