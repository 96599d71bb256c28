package org.passerelle.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.support.RunningApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.support.SimpleTriggerContext;

/**
 * The daily purge as the server schedules it with its default settings: at 03:30 in the teams'
 * time zone, and what it runs is the purge.
 */
class RetentionScheduleTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dataDirectory;

    @Test
    void purgesEveryDayAtHalfPastThreeInTheTeamsTimeZone() {
        try (RunningApplication app =
                RunningApplication.start(Map.of("passerelle.database.data-directory", dataDirectory.toString()))) {
            // a scheduled method's task names it (the runnable is wrapped to track its outcomes)
            List<Task> tasks = app.bean(ScheduledTaskHolder.class).getScheduledTasks().stream()
                    .map(ScheduledTask::getTask)
                    .toList();
            CronTask purge = tasks.stream()
                    .filter(task ->
                            task instanceof CronTask && task.toString().equals(RetentionJob.class.getName() + ".run"))
                    .map(CronTask.class::cast)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the retention purge is not scheduled: " + tasks));
            assertThat(purge.getExpression()).isEqualTo("0 30 3 * * *");

            ZonedDateTime lateEvening = ZonedDateTime.of(2026, 3, 9, 23, 0, 0, 0, PARIS);
            Instant next = purge.getTrigger()
                    .nextExecution(new SimpleTriggerContext(Clock.fixed(lateEvening.toInstant(), PARIS)));
            assertThat(next)
                    .isEqualTo(ZonedDateTime.of(2026, 3, 10, 3, 30, 0, 0, PARIS).toInstant());

            JdbcClient jdbc = app.bean(JdbcClient.class);
            long purgesBefore = purgeLines(jdbc);
            purge.getRunnable().run();
            assertThat(purgeLines(jdbc))
                    .as("one audit line per record type purged")
                    .isGreaterThan(purgesBefore);
        }
    }

    private static long purgeLines(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from audit.audit_event where actor_name = 'system'"
                        + " and outcome like 'RETENTION_PURGED:%'")
                .query(Long.class)
                .single();
    }
}
