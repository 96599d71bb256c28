package org.passerelle.rights;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.platform.DomainException;
import org.passerelle.rights.RightsRepository.Row;
import org.passerelle.rights.RightsViews.Phase;
import org.passerelle.rights.RightsViews.ReminderReason;
import org.passerelle.rights.RightsViews.RightsReminder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rights that need a look at the social and legal worker's current site: a right granted that
 * ends within {@link #EXPIRY_NOTICE_DAYS} days (AME is renewed two months ahead) or has ended, and
 * a request without an answer after {@link #WAIT_DAYS} days (the time after which the CPAM's
 * silence is a refusal). Only the latest step of each part of a person's file counts: a renewal
 * requested, or a new grant, ends the reminder.
 */
@Service
public class RightsReminders {

    static final int EXPIRY_NOTICE_DAYS = 60;
    static final int WAIT_DAYS = 60;
    private static final int LIMIT = 300;

    private final CurrentUsers currentUsers;
    private final RightsRepository steps;
    private final PersonRegistry registry;
    private final Clock clock;

    RightsReminders(CurrentUsers currentUsers, RightsRepository steps, PersonRegistry registry, Clock clock) {
        this.currentUsers = currentUsers;
        this.steps = steps;
        this.registry = registry;
        this.clock = clock;
    }

    /** The reminders of the current site, the most pressing first. */
    @Transactional
    public List<RightsReminder> reminders() {
        CurrentUser user = currentUsers.current();
        if (!user.hasRole(Role.SOCIAL_LEGAL_WORKER)) {
            throw DomainException.roleNotAllowed();
        }
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = steps.needingALook(
                user.requireCurrentSite(), today.plusDays(EXPIRY_NOTICE_DAYS), today.minusDays(WAIT_DAYS), LIMIT);
        Map<UUID, PersonSummary> people = registry.summariesForWorkList(
                rows.stream().map(Row::personId).distinct().toList());
        return rows.stream()
                .map(row -> reminder(row, people.get(row.personId()), today))
                .toList();
    }

    private static RightsReminder reminder(Row row, @Nullable PersonSummary person, LocalDate today) {
        ReminderReason reason;
        LocalDate due;
        if (row.kind().phase() == Phase.GRANTED && row.validUntil() != null) {
            due = row.validUntil();
            reason = due.isBefore(today) ? ReminderReason.EXPIRED : ReminderReason.EXPIRES_SOON;
        } else {
            due = row.occurredOn().plusDays(WAIT_DAYS);
            reason = ReminderReason.WAITING_TOO_LONG;
        }
        return new RightsReminder(
                row.personId(),
                person == null ? null : person.chosenName(),
                person == null ? null : person.patientCode(),
                row.kind(),
                row.occurredOn(),
                row.validUntil(),
                reason,
                due);
    }
}
