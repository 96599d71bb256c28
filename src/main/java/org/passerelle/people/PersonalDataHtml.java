package org.passerelle.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.passerelle.people.PersonalData.Entry;
import org.passerelle.people.PersonalData.Fact;
import org.passerelle.people.PersonalData.Section;
import org.passerelle.people.PersonalData.Table;

/**
 * Lays out a personal data export as one standalone HTML page to read, print or keep. Every text
 * is escaped. The only style is one {@code <style>} element, allowed by its hash in the response's
 * own content security policy ({@link #CONTENT_SECURITY_POLICY}); no script, no inline style
 * attribute, nothing loaded from anywhere. Without its style (opened where another policy applies)
 * the page is still plain, readable semantic HTML.
 */
final class PersonalDataHtml {

    /** The style sheet, exactly as it stands between {@code <style>} and {@code </style>}. */
    static final String STYLE = """
            body{font-family:"DejaVu Sans","Noto Sans","Noto Sans Arabic",Arial,sans-serif;color:#1b1b1b;\
            line-height:1.45;max-width:52rem;margin:2rem auto;padding:0 1rem}
            header{border-bottom:3px solid #1f5f8b;margin-bottom:1rem}
            h1{font-size:1.5rem;margin:0 0 .5rem}
            h2{font-size:1.2rem;color:#1f5f8b;border-bottom:1px solid #1f5f8b;padding-bottom:.2rem;margin:2rem 0 .6rem}
            h3{font-size:1rem;margin:1.2rem 0 .3rem}
            dl{display:grid;grid-template-columns:minmax(10rem,max-content) 1fr;gap:.25rem 1rem;margin:.4rem 0}
            dt{font-weight:bold;color:#444}
            dd{margin:0;overflow-wrap:anywhere;text-align:match-parent}
            article{border-top:1px solid #ddd}
            table{border-collapse:collapse;width:100%}
            th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:match-parent;vertical-align:top}
            th{background:#eef3f7}
            .empty,footer{color:#555}
            footer{border-top:1px solid #bbb;margin-top:2rem;padding-top:.5rem;font-size:.9rem}
            @media print{body{margin:0;max-width:none}h2,h3{break-after:avoid}article,tr{break-inside:avoid}}
            """;

    /** The policy of the response carrying the page: its style and nothing else. */
    static final String CONTENT_SECURITY_POLICY = policyFor(STYLE);

    /** Filled by position ({@code formatted}), so that nothing in a value is ever read as a placeholder. */
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="%s" dir="%s">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <meta name="robots" content="noindex, nofollow">
            <title>%s</title>
            <style>%s</style>
            </head>
            <body>
            <header>
            <h1>%s</h1>
            %s
            </header>
            <main>
            %s
            </main>
            <footer><p>%s</p></footer>
            </body>
            </html>
            """;

    private PersonalDataHtml() {}

    static String render(PersonalDataDocument document) {
        StringBuilder header = new StringBuilder();
        for (String paragraph : document.introduction()) {
            header.append("<p>").append(text(paragraph)).append("</p>\n");
        }
        facts(header, document.about());
        StringBuilder main = new StringBuilder();
        for (Section section : document.sections()) {
            section(main, section);
        }
        return PAGE.formatted(
                escape(document.language().code()),
                document.language().rightToLeft() ? "rtl" : "ltr",
                escape(document.title()),
                STYLE,
                escape(document.title()),
                header,
                main,
                text(document.footer()));
    }

    private static void section(StringBuilder html, Section section) {
        html.append("<section>\n<h2>").append(text(section.title())).append("</h2>\n");
        if (section.isEmpty() && section.empty() != null) {
            html.append("<p class=\"empty\">").append(text(section.empty())).append("</p>\n");
        }
        facts(html, section.facts());
        for (Entry entry : section.entries()) {
            html.append("<article>\n<h3>").append(text(entry.heading())).append("</h3>\n");
            facts(html, entry.facts());
            html.append("</article>\n");
        }
        Table table = section.table();
        if (table != null && !table.rows().isEmpty()) {
            html.append("<table>\n<thead><tr>");
            for (String column : table.columns()) {
                html.append("<th scope=\"col\">").append(text(column)).append("</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : table.rows()) {
                html.append("<tr>");
                for (String cell : row) {
                    html.append("<td dir=\"")
                            .append(dir(cell))
                            .append("\">")
                            .append(text(cell))
                            .append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("</section>\n");
    }

    private static void facts(StringBuilder html, List<Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        html.append("<dl>\n");
        for (Fact fact : facts) {
            html.append("<dt>")
                    .append(text(fact.label()))
                    .append("</dt><dd dir=\"")
                    .append(dir(fact.value()))
                    .append("\">")
                    .append(text(fact.value()))
                    .append("</dd>\n");
        }
        html.append("</dl>\n");
    }

    /** A value's own direction, as in the PDF: a phone number keeps its order in an Arabic page. */
    static String dir(String value) {
        return PersonalDataDocument.readsRightToLeft(value) ? "rtl" : "ltr";
    }

    /** Escaped text whose line breaks (a consultation note's) stay line breaks. */
    private static String text(String value) {
        return escape(value).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>");
    }

    /** Escapes every character that could end a text or an attribute value. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * The policy of a standalone page whose only style is {@code style}: that style and nothing
     * else, no script, no image from anywhere, never framed.
     */
    static String policyFor(String style) {
        return "default-src 'none'; style-src '" + sha256(style)
                + "'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
