package org.passerelle.referrals;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.passerelle.referrals.DirectoryViews.ServiceKind;

/**
 * The words of a referral letter in one language, from {@code referrals/letter*.properties}: French
 * for the receiving service, and the person's language for their summary. A language is added by
 * adding its file (Pashto, Dari, Tigrinya, Amharic, Somali: the fonts already carry their scripts)
 * and its code to {@link #LANGUAGES}; the layout sets each text in its own direction.
 */
final class ReferralLetterTexts {

    /** The languages a summary may be written in. */
    static final List<String> LANGUAGES = List.of("fr", "en", "ar");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private ReferralLetterTexts(String language) {
        this.locale = Locale.forLanguageTag(language);
        this.bundle = ResourceBundle.getBundle(
                "referrals/letter", locale, ReferralLetterTexts.class.getClassLoader(), NO_FALLBACK);
    }

    static ReferralLetterTexts in(String language) {
        return new ReferralLetterTexts(LANGUAGES.contains(language) ? language : "fr");
    }

    String text(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    String of(String prefix, Enum<?> value) {
        return text(prefix + "." + value.name());
    }

    /** The French name of a kind of service, as the directory's export describes it. */
    static String kindInFrench(ServiceKind kind) {
        return in("fr").of("kind", kind);
    }
}
