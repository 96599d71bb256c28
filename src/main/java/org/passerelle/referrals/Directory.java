package org.passerelle.referrals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.passerelle.referrals.DirectoryViews.NewService;
import org.passerelle.referrals.DirectoryViews.PartnerService;
import org.passerelle.referrals.DirectoryViews.ServiceChange;
import org.passerelle.referrals.DirectoryViews.ServiceDetails;
import org.passerelle.referrals.DirectoryViews.ServiceSearch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of partner services: searched by every user (it holds nothing about the people
 * served), kept by coordinators and administrators, each change with an audit line. Each entry says
 * when its details were last checked and how the referrals to it ended.
 */
@Service
public class Directory {

    static final String RECORD_TYPE = "partner-service";
    private static final int SEARCH_LIMIT = 200;

    private final CurrentUsers currentUsers;
    private final DirectoryRepository services;
    private final AuditLog audit;
    private final Clock clock;

    Directory(CurrentUsers currentUsers, DirectoryRepository services, AuditLog audit, Clock clock) {
        this.currentUsers = currentUsers;
        this.services = services;
        this.audit = audit;
        this.clock = clock;
    }

    /** Services matching a need, a kind, a place (town or postal code, begun) and a language spoken. */
    @Transactional(readOnly = true)
    public List<PartnerService> search(ServiceSearch criteria) {
        currentUsers.current();
        return services.search(criteria, SEARCH_LIMIT);
    }

    @Transactional(readOnly = true)
    public PartnerService get(UUID id) {
        currentUsers.current();
        return services.find(id).orElseThrow(ReferralProblems::serviceNotFound);
    }

    /** Adds a service; sent again with the same id, answers the service as it is. */
    @Transactional
    public PartnerService add(NewService command) {
        CurrentUser user = requireKeeper();
        checkDates(command.details());
        if (!services.insert(command.id(), command.details(), null, user.id())) {
            return services.find(command.id()).orElseThrow(ReferralProblems::idReused);
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, command.id());
        return get(command.id());
    }

    /** Changes a service at the version the coordinator read (409 {@code stale-version} otherwise). */
    @Transactional
    public PartnerService change(UUID id, ServiceChange change) {
        CurrentUser user = requireKeeper();
        checkDates(change.details());
        PartnerService current = get(id);
        if (!services.update(id, change.version(), change.details(), user.id())) {
            throw DomainException.staleVersion(current.version());
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return get(id);
    }

    /** The service a referral goes to: one that exists and is not closed. */
    PartnerService requireOpen(UUID id) {
        PartnerService service = services.find(id).orElseThrow(() -> DomainException.invalidInput("serviceId"));
        if (service.details().closed()) {
            throw ReferralProblems.serviceClosed();
        }
        return service;
    }

    /** Coordinators and administrators keep the directory. */
    CurrentUser requireKeeper() {
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(Role.COORDINATOR, Role.ADMINISTRATOR)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }

    void checkDates(ServiceDetails details) {
        @Nullable LocalDate checkedOn = details.checkedOn();
        if (checkedOn != null && checkedOn.isAfter(LocalDate.now(clock))) {
            throw ReferralProblems.inFuture("details.checkedOn");
        }
    }
}
