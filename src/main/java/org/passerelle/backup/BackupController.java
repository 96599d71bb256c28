package org.passerelle.backup;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The backups for administrators (and their status for coordinators): where they stand, and a backup started now after a fresh confirmation of identity. */
@RestController
@RequestMapping("/api/backups")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class BackupController {

    private final Backups backups;

    BackupController(Backups backups) {
        this.backups = backups;
    }

    @GetMapping
    Backups.Overview overview() {
        return backups.overview();
    }

    /** Whether the data is backed up: also for coordinators, who answer for the mission's data. */
    @GetMapping("/status")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'COORDINATOR')")
    Backups.BackupStatus status() {
        return backups.status();
    }

    /** Starts a backup and answers at once (202): the overview then says it runs, and shows it or why it failed. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Backups.Overview backUpNow() {
        return backups.backUpNow();
    }
}
