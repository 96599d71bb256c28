package org.passerelle.demo;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import org.passerelle.access.Role;
import org.passerelle.care.Discipline;
import org.passerelle.sites.SiteKind;

/**
 * The invented organisation of the demo data: four programmes, eight sites and one user per
 * role. Every user signs in with {@link #DEMO_PASSWORD}, which is for demonstrations only.
 *
 * @param programmes the programmes and their sites
 * @param users the demo users; the clinical ones provide the consultations
 */
record DemoOrganisation(List<Programme> programmes, List<User> users) {

    /** The password of every demo user. Never use demo data on a server holding real data. */
    static final String DEMO_PASSWORD = "demo-passerelle-2026";

    record Programme(UUID id, String code, String name, List<Site> sites) {}

    /**
     * A site; {@code weight} is its share of the persons registered, {@code commonOrigins} the
     * countries of origin seen more often there.
     */
    record Site(
            UUID id,
            String name,
            SiteKind kind,
            String city,
            SiteProfile profile,
            int weight,
            Set<String> commonOrigins,
            List<String> outreachLocations) {}

    /** A demo user; {@code disciplines} are those whose consultations this user holds. */
    record User(
            UUID id, String username, String displayName, Role role, boolean allSites, Set<Discipline> disciplines) {}

    List<Site> sites() {
        return programmes.stream().flatMap(p -> p.sites().stream()).toList();
    }

    Programme programmeOf(Site site) {
        return programmes.stream()
                .filter(p -> p.sites().contains(site))
                .findFirst()
                .orElseThrow();
    }

    User provider(Discipline discipline) {
        return users.stream()
                .filter(u -> u.disciplines().contains(discipline))
                .findFirst()
                .orElseThrow();
    }

    /** The same organisation with other user ids, for users that already existed. */
    DemoOrganisation withUserIds(Function<User, UUID> ids) {
        return new DemoOrganisation(
                programmes,
                users.stream()
                        .map(u -> new User(
                                ids.apply(u), u.username(), u.displayName(), u.role(), u.allSites(), u.disciplines()))
                        .toList());
    }

    /**
     * The organisation with {@code siteCount} sites: the eight of {@link #plan(long)}, then more
     * clinics, centres and shelters of the same kinds, the last ones in a sixth programme.
     */
    static DemoOrganisation plan(long seed, int siteCount) {
        DemoOrganisation base = plan(seed);
        return siteCount <= base.sites().size() ? base : MoreSites.add(base, seed, siteCount);
    }

    /** The organisation, with ids drawn from the seed. */
    static DemoOrganisation plan(long seed) {
        SplittableRandom random = new SplittableRandom(DemoIds.mix(seed, -1));
        Instant created = Instant.parse("2025-01-06T08:00:00Z");
        Function<String, UUID> id = name -> DemoIds.at(created, random);
        List<Programme> programmes = List.of(
                new Programme(
                        id.apply("littoral"),
                        "LITTORAL",
                        "Mission migrants littoral",
                        List.of(
                                new Site(
                                        id.apply("calais"),
                                        "Clinique mobile Calais",
                                        SiteKind.MOBILE_TEAM,
                                        "Calais",
                                        SiteProfile.COASTAL_CAMPS,
                                        22,
                                        Set.of("SD", "ER", "ET", "AF", "IQ"),
                                        List.of(
                                                "Campement zone des Dunes",
                                                "Campement de Marck",
                                                "Point de distribution Fort-Nieulay",
                                                "Abords de la gare de Calais-Fréthun")),
                                new Site(
                                        id.apply("synthe"),
                                        "Clinique mobile Grande-Synthe",
                                        SiteKind.MOBILE_TEAM,
                                        "Grande-Synthe",
                                        SiteProfile.COASTAL_CAMPS,
                                        14,
                                        Set.of("IQ", "AF", "SD", "ER"),
                                        List.of(
                                                "Campement de Loon-Plage",
                                                "Bois du Puythouck",
                                                "Point d'eau du canal")))),
                new Programme(
                        id.apply("pantin"),
                        "MINEURS-PANTIN",
                        "Accueil de jour mineurs Pantin",
                        List.of(
                                new Site(
                                        id.apply("accueil"),
                                        "Accueil de jour Pantin",
                                        SiteKind.FIXED,
                                        "Pantin",
                                        SiteProfile.MINORS_DAY_CENTRE,
                                        16,
                                        Set.of("GN", "CI", "ML", "AF", "SN"),
                                        List.of()),
                                new Site(
                                        id.apply("maraude"),
                                        "Maraude mineurs Paris",
                                        SiteKind.MOBILE_TEAM,
                                        "Paris",
                                        SiteProfile.MINORS_STREET_OUTREACH,
                                        8,
                                        Set.of("GN", "CI", "ML", "AF", "DZ", "MA", "TN"),
                                        List.of(
                                                "Campement du canal Saint-Martin",
                                                "Square de la Villette",
                                                "Porte de la Chapelle")))),
                new Programme(
                        id.apply("caso"),
                        "CASO-MARSEILLE",
                        "CASO Marseille",
                        List.of(
                                new Site(
                                        id.apply("centre"),
                                        "CASO Marseille",
                                        SiteKind.FIXED,
                                        "Marseille",
                                        SiteProfile.WALK_IN_CENTRE,
                                        16,
                                        Set.of("DZ", "MA", "TN", "GN", "CI", "SN"),
                                        List.of()),
                                new Site(
                                        id.apply("squats"),
                                        "Équipe mobile squats Marseille",
                                        SiteKind.MOBILE_TEAM,
                                        "Marseille",
                                        SiteProfile.SQUAT_OUTREACH,
                                        8,
                                        Set.of("DZ", "MA", "TN", "CI", "GN"),
                                        List.of(
                                                "Squat quartier Saint-Mauront",
                                                "Campement Porte d'Aix",
                                                "Squat de la Belle de Mai")))),
                new Programme(
                        id.apply("abri"),
                        "ABRI-PARIS",
                        "Mise à l'abri Paris",
                        List.of(
                                new Site(
                                        id.apply("familles"),
                                        "Hébergement femmes et familles",
                                        SiteKind.SHELTER,
                                        "Paris",
                                        SiteProfile.FAMILY_SHELTER,
                                        10,
                                        Set.of("CI", "GN", "AF", "ER", "SO", "ET"),
                                        List.of()),
                                new Site(
                                        id.apply("hiver"),
                                        "Abri d'hiver enfants et familles",
                                        SiteKind.SHELTER,
                                        "Paris",
                                        SiteProfile.FAMILY_SHELTER,
                                        6,
                                        Set.of("AF", "SD", "GN", "CI", "SO"),
                                        List.of()))));
        List<User> users = List.of(
                new User(
                        id.apply("coordination"),
                        "coordination",
                        "Claire Coordination",
                        Role.COORDINATOR,
                        true,
                        Set.of()),
                new User(
                        id.apply("medecin"),
                        "medecin",
                        "Dr Marc Médecin",
                        Role.CLINICIAN,
                        false,
                        Set.of(Discipline.MEDICAL)),
                new User(
                        id.apply("infirmier"),
                        "infirmier",
                        "Inès Infirmière",
                        Role.CLINICIAN,
                        false,
                        Set.of(Discipline.NURSING)),
                new User(
                        id.apply("psy"),
                        "psy",
                        "Paul Psychologue",
                        Role.PSYCHOLOGIST,
                        false,
                        Set.of(Discipline.MENTAL_HEALTH)),
                new User(
                        id.apply("social"),
                        "social",
                        "Sarah Sociale",
                        Role.SOCIAL_LEGAL_WORKER,
                        false,
                        Set.of(Discipline.SOCIAL, Discipline.LEGAL)),
                new User(id.apply("donnees"), "donnees", "Dominique Données", Role.DATA_OFFICER, true, Set.of()),
                new User(id.apply("logistique"), "logistique", "Louis Logistique", Role.LOGISTICIAN, false, Set.of()));
        return new DemoOrganisation(programmes, users);
    }
}
