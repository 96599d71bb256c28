package org.passerelle.water;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.passerelle.water.WaterViews.NewWaterPoint;
import org.passerelle.water.WaterViews.NewWaterReading;
import org.passerelle.water.WaterViews.WaterHistory;
import org.passerelle.water.WaterViews.WaterMapPoints;
import org.passerelle.water.WaterViews.WaterPoint;
import org.passerelle.water.WaterViews.WaterReading;
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
    List<WaterPoint> points() {
        return points.mine();
    }

    @PostMapping("/points")
    @ResponseStatus(HttpStatus.CREATED)
    WaterPoint addPoint(@Valid @RequestBody NewWaterPoint point) {
        return points.add(point);
    }

    @GetMapping("/points/{id}/readings")
    WaterHistory history(@PathVariable UUID id) {
        return points.history(id);
    }

    @PostMapping("/readings")
    @ResponseStatus(HttpStatus.CREATED)
    WaterReading recordReading(@Valid @RequestBody NewWaterReading reading) {
        return readings.record(reading);
    }

    /** The points whose last reading is out of range, for the dashboard. */
    @GetMapping("/alerts")
    List<WaterPoint> alerts() {
        return points.alerts();
    }

    @GetMapping("/map-points")
    WaterMapPoints mapPoints() {
        return points.mapPoints();
    }
}
