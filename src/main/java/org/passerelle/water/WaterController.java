package org.passerelle.water;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.passerelle.water.WaterViews.History;
import org.passerelle.water.WaterViews.MapPoints;
import org.passerelle.water.WaterViews.NewPoint;
import org.passerelle.water.WaterViews.NewReading;
import org.passerelle.water.WaterViews.Point;
import org.passerelle.water.WaterViews.Reading;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Water points, their readings and alerts, and the points as a map layer. */
@RestController
@RequestMapping("/api/water")
class WaterController {

    private final WaterPoints points;
    private final Readings readings;

    WaterController(WaterPoints points, Readings readings) {
        this.points = points;
        this.readings = readings;
    }

    @GetMapping("/points")
    List<Point> points() {
        return points.mine();
    }

    @PostMapping("/points")
    @ResponseStatus(HttpStatus.CREATED)
    Point addPoint(@Valid @RequestBody NewPoint point) {
        return points.add(point);
    }

    @GetMapping("/points/{id}/readings")
    History history(@PathVariable UUID id) {
        return points.history(id);
    }

    @PostMapping("/readings")
    @ResponseStatus(HttpStatus.CREATED)
    Reading recordReading(@Valid @RequestBody NewReading reading) {
        return readings.record(reading);
    }

    /** The points whose last reading is out of range, for the dashboard. */
    @GetMapping("/alerts")
    List<Point> alerts() {
        return points.alerts();
    }

    @GetMapping("/map-points")
    MapPoints mapPoints() {
        return points.mapPoints();
    }
}
