package org.passerelle.reporting;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.reporting.Dhis2Views.Mapping;
import org.passerelle.reporting.Dhis2Views.PushRequest;
import org.passerelle.reporting.Dhis2Views.PushResult;
import org.passerelle.reporting.Dhis2Views.ServerChange;
import org.passerelle.reporting.Dhis2Views.ServerSettings;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The DHIS2 mapping and server, the dataValueSets and ADX documents, and the push. */
@RestController
@RequestMapping("/api/reports/dhis2")
class Dhis2Controller {

    private final Dhis2Exchange exchange;

    Dhis2Controller(Dhis2Exchange exchange) {
        this.exchange = exchange;
    }

    @GetMapping("/mapping")
    Mapping mapping() {
        return exchange.mapping();
    }

    @PutMapping("/mapping")
    Mapping replaceMapping(@Valid @RequestBody Mapping mapping) {
        return exchange.replaceMapping(mapping);
    }

    @GetMapping("/server")
    ResponseEntity<ServerSettings> server() {
        ServerSettings server = exchange.server();
        return server == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(server);
    }

    @PutMapping("/server")
    ServerSettings saveServer(@Valid @RequestBody ServerChange change) {
        return exchange.saveServer(change);
    }

    /** The dataValueSets JSON of a month, quarter or year. */
    @GetMapping("/data-value-set")
    ResponseEntity<byte[]> dataValueSet(
            @RequestParam String period,
            @RequestParam(required = false) @Nullable UUID programme,
            @RequestParam(required = false) @Nullable UUID site) {
        String body = exchange.documents(period, programme, site, "dhis2-json").json();
        return download(body, MediaType.APPLICATION_JSON, "dataValueSet-" + period + ".json");
    }

    /** The ADX XML of a month, quarter or year. */
    @GetMapping("/adx")
    ResponseEntity<byte[]> adx(
            @RequestParam String period,
            @RequestParam(required = false) @Nullable UUID programme,
            @RequestParam(required = false) @Nullable UUID site) {
        String body = exchange.documents(period, programme, site, "dhis2-adx").adx();
        return download(body, MediaType.APPLICATION_XML, "adx-" + period + ".xml");
    }

    @PostMapping("/push")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.OK)
    PushResult push(@Valid @RequestBody PushRequest request) {
        return exchange.push(request);
    }

    private static ResponseEntity<byte[]> download(String body, MediaType type, String file) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file).build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
