package org.passerelle.sync;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.sync.SyncViews.ConflictResolution;
import org.passerelle.sync.SyncViews.PullAnswer;
import org.passerelle.sync.SyncViews.Push;
import org.passerelle.sync.SyncViews.PushAnswer;
import org.passerelle.sync.SyncViews.SyncConflict;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Offline synchronisation (see {@code docs/sync.md}): push the mutations a device made offline, pull
 * the changes since a cursor, and the conflicts a data officer resolves. The device names itself in
 * the {@value #DEVICE_HEADER} header. Pushes and pulls pass through the {@link SyncGate}, which
 * answers 503 {@code sync-busy} when too many are served at once.
 */
@RestController
@RequestMapping("/api/sync")
class SyncController {

    static final String DEVICE_HEADER = "X-Passerelle-Device";

    private final SyncService sync;
    private final SyncPull pulls;
    private final Conflicts conflicts;
    private final SyncGate gate;

    SyncController(SyncService sync, SyncPull pulls, Conflicts conflicts, SyncGate gate) {
        this.sync = sync;
        this.pulls = pulls;
        this.conflicts = conflicts;
        this.gate = gate;
    }

    @PostMapping("/push")
    PushAnswer push(
            @Valid @RequestBody Push push,
            @RequestHeader(name = DEVICE_HEADER, required = false) @Nullable UUID device) {
        return gate.through(() -> sync.push(push, device));
    }

    @GetMapping("/pull")
    PullAnswer pull(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestHeader(name = DEVICE_HEADER, required = false) @Nullable UUID device,
            HttpServletResponse response) {
        return gate.through(() -> {
            long start = System.nanoTime();
            PullAnswer answer = pulls.pull(cursor, limit, device);
            // the server's share of a page, which a device's timeline shows apart from the transfer
            long millis = (System.nanoTime() - start) / 1_000_000;
            response.setHeader("Server-Timing", String.format(Locale.ROOT, "pull;dur=%d", millis));
            return answer;
        });
    }

    @GetMapping("/conflicts")
    List<SyncConflict> conflicts() {
        return conflicts.open();
    }

    @PostMapping("/conflicts/{id}/resolution")
    SyncConflict resolve(@PathVariable UUID id, @Valid @RequestBody ConflictResolution resolution) {
        return conflicts.resolve(id, resolution.keep());
    }
}
