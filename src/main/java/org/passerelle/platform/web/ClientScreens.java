package org.passerelle.platform.web;

import java.util.List;

/**
 * The paths of the web client's screens. The server answers each with the single page, and lets
 * anyone load it (the page itself holds no data; the API behind it checks every request).
 */
public final class ClientScreens {

    public static final List<String> PATHS = List.of(
            "/login",
            "/sites",
            "/people/**",
            "/new-person",
            "/summary",
            "/reports",
            "/account",
            "/admin/**",
            "/emergency-access",
            "/duplicates",
            "/conflicts",
            "/encounters/**",
            "/group-sessions/**",
            "/forms",
            "/follow-ups",
            "/diagnoses",
            "/stock",
            "/stock/distribute",
            "/imports",
            "/referrals",
            "/directory",
            "/pass-de-ville",
            "/shelter",
            "/outreach",
            "/outreach/**",
            "/map",
            "/outbreaks",
            "/outbreaks/rings",
            "/vaccination",
            "/water");

    private ClientScreens() {}
}
