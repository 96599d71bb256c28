package org.passerelle.demo;

import java.util.Map;
import java.util.Optional;

/**
 * Where the demo's outreach locations are, roughly (to a few hundred metres, public places only),
 * so that the offline map shows the teams' points from the first start.
 */
final class DemoPlaces {

    /** A point in degrees (WGS 84). */
    record Point(double latitude, double longitude) {}

    private static final Map<String, Point> PLACES = Map.ofEntries(
            Map.entry("Campement zone des Dunes", new Point(50.9670, 1.8890)),
            Map.entry("Campement de Marck", new Point(50.9480, 1.9520)),
            Map.entry("Point de distribution Fort-Nieulay", new Point(50.9560, 1.8240)),
            Map.entry("Abords de la gare de Calais-Fréthun", new Point(50.9030, 1.8110)),
            Map.entry("Campement de Loon-Plage", new Point(51.0010, 2.2170)),
            Map.entry("Bois du Puythouck", new Point(51.0010, 2.2790)),
            Map.entry("Point d'eau du canal", new Point(51.0100, 2.3000)),
            Map.entry("Campement du canal Saint-Martin", new Point(48.8710, 2.3650)),
            Map.entry("Square de la Villette", new Point(48.8870, 2.3720)),
            Map.entry("Porte de la Chapelle", new Point(48.8980, 2.3590)),
            Map.entry("Squat quartier Saint-Mauront", new Point(43.3180, 5.3800)),
            Map.entry("Campement Porte d'Aix", new Point(43.3050, 5.3710)),
            Map.entry("Squat de la Belle de Mai", new Point(43.3130, 5.3880)));

    private DemoPlaces() {}

    /** Where a demo outreach location of this name is, if the demo places it. */
    static Optional<Point> of(String name) {
        return Optional.ofNullable(PLACES.get(name));
    }
}
