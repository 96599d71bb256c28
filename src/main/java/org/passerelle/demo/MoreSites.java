package org.passerelle.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.passerelle.sites.SiteKind;

/**
 * The sites a large demo organisation adds to the eight of the standard one, for load tests: more
 * mobile clinics on the coast, more walk-in centres in the big cities, more shelters, and a
 * cyclone response in Mayotte. Their ids come from their own draw, so the first eight sites keep
 * theirs.
 */
final class MoreSites {

    private record Extra(String programme, String name, SiteKind kind, String city, SiteProfile profile) {}

    private static final String MAYOTTE = "MAYOTTE";

    private static final List<Extra> EXTRAS = List.of(
            new Extra(
                    "LITTORAL",
                    "Clinique mobile Dunkerque",
                    SiteKind.MOBILE_TEAM,
                    "Dunkerque",
                    SiteProfile.COASTAL_CAMPS),
            new Extra("CASO-MARSEILLE", "CASO Nice", SiteKind.FIXED, "Nice", SiteProfile.WALK_IN_CENTRE),
            new Extra(
                    "MINEURS-PANTIN",
                    "Maraude mineurs Saint-Denis",
                    SiteKind.MOBILE_TEAM,
                    "Saint-Denis",
                    SiteProfile.MINORS_STREET_OUTREACH),
            new Extra("ABRI-PARIS", "Hébergement jeunes femmes", SiteKind.SHELTER, "Paris", SiteProfile.FAMILY_SHELTER),
            new Extra(
                    MAYOTTE,
                    "Clinique mobile Mamoudzou",
                    SiteKind.MOBILE_TEAM,
                    "Mamoudzou",
                    SiteProfile.SQUAT_OUTREACH),
            new Extra(
                    "LITTORAL",
                    "Clinique mobile Ouistreham",
                    SiteKind.MOBILE_TEAM,
                    "Ouistreham",
                    SiteProfile.COASTAL_CAMPS),
            new Extra("CASO-MARSEILLE", "CASO Toulouse", SiteKind.FIXED, "Toulouse", SiteProfile.WALK_IN_CENTRE),
            new Extra(
                    "MINEURS-PANTIN",
                    "Accueil de jour mineurs Montreuil",
                    SiteKind.FIXED,
                    "Montreuil",
                    SiteProfile.MINORS_DAY_CENTRE),
            new Extra(MAYOTTE, "Clinique mobile Koungou", SiteKind.MOBILE_TEAM, "Koungou", SiteProfile.SQUAT_OUTREACH),
            new Extra(
                    "LITTORAL",
                    "Clinique mobile Cherbourg",
                    SiteKind.MOBILE_TEAM,
                    "Cherbourg",
                    SiteProfile.COASTAL_CAMPS),
            new Extra("CASO-MARSEILLE", "CASO Lyon", SiteKind.FIXED, "Lyon", SiteProfile.WALK_IN_CENTRE),
            new Extra(
                    "ABRI-PARIS",
                    "Abri d'urgence Saint-Ouen",
                    SiteKind.SHELTER,
                    "Saint-Ouen",
                    SiteProfile.FAMILY_SHELTER),
            new Extra(MAYOTTE, "Centre de santé Dzaoudzi", SiteKind.FIXED, "Dzaoudzi", SiteProfile.WALK_IN_CENTRE),
            new Extra(
                    "LITTORAL",
                    "Maraude Boulogne-sur-Mer",
                    SiteKind.MOBILE_TEAM,
                    "Boulogne-sur-Mer",
                    SiteProfile.COASTAL_CAMPS),
            new Extra("CASO-MARSEILLE", "CASO Bordeaux", SiteKind.FIXED, "Bordeaux", SiteProfile.WALK_IN_CENTRE),
            new Extra(
                    "MINEURS-PANTIN",
                    "Maraude mineurs Marseille",
                    SiteKind.MOBILE_TEAM,
                    "Marseille",
                    SiteProfile.MINORS_STREET_OUTREACH),
            new Extra(MAYOTTE, "Clinique mobile Sada", SiteKind.MOBILE_TEAM, "Sada", SiteProfile.SQUAT_OUTREACH),
            new Extra("CASO-MARSEILLE", "CASO Nantes", SiteKind.FIXED, "Nantes", SiteProfile.WALK_IN_CENTRE),
            new Extra(
                    "ABRI-PARIS",
                    "Hébergement familles Ivry",
                    SiteKind.SHELTER,
                    "Ivry-sur-Seine",
                    SiteProfile.FAMILY_SHELTER),
            new Extra(
                    "LITTORAL",
                    "Clinique mobile Loon-Plage",
                    SiteKind.MOBILE_TEAM,
                    "Loon-Plage",
                    SiteProfile.COASTAL_CAMPS),
            new Extra("CASO-MARSEILLE", "CASO Montpellier", SiteKind.FIXED, "Montpellier", SiteProfile.WALK_IN_CENTRE),
            new Extra(
                    MAYOTTE,
                    "Clinique mobile Chirongui",
                    SiteKind.MOBILE_TEAM,
                    "Chirongui",
                    SiteProfile.SQUAT_OUTREACH));

    private static final int WEIGHT = 8;

    private MoreSites() {}

    /** The most sites a demo organisation can have. */
    static int max() {
        return 8 + EXTRAS.size();
    }

    static DemoOrganisation add(DemoOrganisation base, long seed, int siteCount) {
        SplittableRandom random = new SplittableRandom(DemoIds.mix(seed, -2));
        Instant created = Instant.parse("2025-01-06T08:00:00Z");
        Map<String, DemoOrganisation.Programme> programmes = new LinkedHashMap<>();
        base.programmes().forEach(p -> programmes.put(p.code(), p));
        int extras = Math.min(EXTRAS.size(), siteCount - base.sites().size());
        for (Extra extra : EXTRAS.subList(0, extras)) {
            DemoOrganisation.Programme programme = programmes.computeIfAbsent(
                    extra.programme(),
                    code -> new DemoOrganisation.Programme(
                            DemoIds.at(created, random), code, "Réponse post-cyclone Mayotte", List.of()));
            List<DemoOrganisation.Site> sites = new ArrayList<>(programme.sites());
            sites.add(new DemoOrganisation.Site(
                    DemoIds.at(created, random),
                    extra.name(),
                    extra.kind(),
                    extra.city(),
                    extra.profile(),
                    WEIGHT,
                    Set.of("KM", "SO", "DZ", "AF", "SD", "GN", "CI"),
                    List.of()));
            programmes.put(
                    programme.code(),
                    new DemoOrganisation.Programme(programme.id(), programme.code(), programme.name(), sites));
        }
        return new DemoOrganisation(List.copyOf(programmes.values()), base.users());
    }
}
