package org.passerelle.referrals;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.referrals.DirectoryViews.ImportResult;
import org.passerelle.referrals.DirectoryViews.Need;
import org.passerelle.referrals.DirectoryViews.NewService;
import org.passerelle.referrals.DirectoryViews.PartnerService;
import org.passerelle.referrals.DirectoryViews.ServiceChange;
import org.passerelle.referrals.DirectoryViews.ServiceKind;
import org.passerelle.referrals.DirectoryViews.ServiceSearch;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The partner directory: searched by everyone, kept by coordinators, exchanged as data·inclusion. */
@RestController
@RequestMapping("/api/directory")
class DirectoryController {

    private final Directory directory;
    private final DirectoryExchange exchange;

    DirectoryController(Directory directory, DirectoryExchange exchange) {
        this.directory = directory;
        this.exchange = exchange;
    }

    @GetMapping("/services")
    List<PartnerService> search(
            @RequestParam(required = false) @Nullable ServiceKind kind,
            @RequestParam(required = false) @Nullable Need need,
            @RequestParam(required = false) @Nullable String place,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(defaultValue = "false") boolean includeClosed) {
        return directory.search(
                new ServiceSearch(kind, need, blankToNull(place), blankToNull(language), includeClosed));
    }

    @GetMapping("/services/{id}")
    PartnerService get(@PathVariable UUID id) {
        return directory.get(id);
    }

    @PostMapping("/services")
    @ResponseStatus(HttpStatus.CREATED)
    PartnerService add(@Valid @RequestBody NewService service) {
        return directory.add(service);
    }

    @PutMapping("/services/{id}")
    PartnerService change(@PathVariable UUID id, @Valid @RequestBody ServiceChange change) {
        return directory.change(id, change);
    }

    /** A data·inclusion file: {@code {"structures": [...], "services": [...]}}. */
    @PostMapping("/data-inclusion")
    ImportResult importFile(@RequestBody JsonNode file) {
        return exchange.importFile(file);
    }

    @GetMapping("/data-inclusion")
    JsonNode export() {
        return exchange.export();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
