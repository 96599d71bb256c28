package org.passerelle.people;

/**
 * Lays out a patient card as a standalone HTML print view: the card at its real size (85.6 × 54
 * mm, a bank card's) with a dashed line to cut along, the QR code as inline SVG. As for the export
 * ({@link PersonalDataHtml}), every text is escaped, there is no script and no style attribute, and
 * the one {@code <style>} element is allowed by its hash in the response's own policy. The web
 * client takes the {@code [data-card]} element into its own print view, styled by its own sheet.
 */
final class PatientCardHtml {

    /** The style sheet, exactly as it stands between {@code <style>} and {@code </style>}. */
    static final String STYLE = """
            body{font-family:"DejaVu Sans","Noto Sans","Noto Sans Arabic",Arial,sans-serif;color:#1b1b1b;margin:1rem}
            .patient-card{box-sizing:border-box;width:85.6mm;height:54mm;border:1px dashed #777;border-radius:3mm;\
            padding:3.5mm;display:flex;flex-direction:column;gap:1.2mm;overflow:hidden;background:#fff}
            .patient-card p{margin:0;text-align:match-parent}
            .card-heading{font-size:9pt;font-weight:bold;color:#1f5f8b}
            .card-body{display:flex;gap:3mm;align-items:flex-start}
            .card-qr{width:26mm;height:26mm;flex:none}
            .card-identity{min-width:0;display:flex;flex-direction:column;gap:.6mm}
            .card-label,.card-site,.card-phone{font-size:7pt}
            .card-show{font-size:7.5pt}
            .card-label,.card-show-fr{color:#555}
            .card-code{font-size:16pt;font-weight:bold;letter-spacing:.05em;white-space:nowrap}
            .card-name{font-size:9pt;font-weight:bold;overflow-wrap:anywhere}
            .card-cut{font-size:8pt;color:#555;margin:2mm 0 0}
            @page{size:A4;margin:12mm}
            @media print{body{margin:0}}
            """;

    /** The policy of the response carrying the page: its style and nothing else. */
    static final String CONTENT_SECURITY_POLICY = PersonalDataHtml.policyFor(STYLE);

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
            <main>
            <article class="patient-card" data-card lang="%s" dir="%s">
            <p class="card-heading" dir="%s">%s</p>
            <div class="card-body">
            %s
            <div class="card-identity">
            <p class="card-label">%s</p>
            <p class="card-code" dir="ltr" data-card-code>%s</p>
            %s<p class="card-site" dir="%s">%s</p>
            %s</div>
            </div>
            <p class="card-show" dir="%s">%s</p>
            %s</article>
            <p class="card-cut">%s</p>
            </main>
            </body>
            </html>
            """;

    private PatientCardHtml() {}

    static String render(PatientCard card) {
        String lang = PersonalDataHtml.escape(card.language().code());
        String dir = card.language().rightToLeft() ? "rtl" : "ltr";
        String name = card.name();
        String phone = card.phone();
        String showInFrench = card.showInFrench();
        return PAGE.formatted(
                lang,
                dir,
                PersonalDataHtml.escape(card.title()),
                STYLE,
                lang,
                dir,
                PersonalDataHtml.dir(card.heading()),
                PersonalDataHtml.escape(card.heading()),
                PatientCardQr.of(card.patientCode()).svg(card.codeLabel() + " " + card.displayCode()),
                PersonalDataHtml.escape(card.codeLabel()),
                PersonalDataHtml.escape(card.displayCode()),
                name == null ? "" : nameParagraph(name),
                PersonalDataHtml.dir(card.site()),
                PersonalDataHtml.escape(card.site()),
                phone == null
                        ? ""
                        : "<p class=\"card-phone\" dir=\"ltr\">" + PatientCard.PHONE_SYMBOL + " "
                                + PersonalDataHtml.escape(phone) + "</p>\n",
                PersonalDataHtml.dir(card.show()),
                PersonalDataHtml.escape(card.show()),
                showInFrench == null
                        ? ""
                        : "<p class=\"card-show card-show-fr\" lang=\"fr\" dir=\"ltr\">"
                                + PersonalDataHtml.escape(showInFrench) + "</p>\n",
                PersonalDataHtml.escape(card.cut()));
    }

    /** The name in its own direction: an Arabic name reads right to left on a French card. */
    private static String nameParagraph(String value) {
        return "<p class=\"card-name\" dir=\"" + PersonalDataHtml.dir(value) + "\" data-card-name>"
                + PersonalDataHtml.escape(value) + "</p>\n";
    }
}
