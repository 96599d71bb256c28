package org.passerelle.stock;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.stock.StockViews.ClosedLocation;
import org.passerelle.stock.StockViews.Location;
import org.passerelle.stock.StockViews.NewLocation;
import org.passerelle.stock.StockViews.RenamedLocation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The places goods are kept at each site: a warehouse, a site's pharmacy, a mobile clinic's bag, a
 * shelter's store. Logisticians, coordinators and administrators add, rename and close them at
 * their sites; every role but the data officer's sees those of its sites.
 */
@Service
public class Locations {

    static final String RECORD_TYPE = "stock-location";

    /** Who adds places, and who receives, moves, counts and removes goods. */
    static final Set<Role> MANAGERS = Set.of(Role.LOGISTICIAN, Role.COORDINATOR);

    private final LocationRepository locations;
    private final CurrentUsers currentUsers;
    private final SiteDirectory sites;
    private final AuditLog audit;

    Locations(LocationRepository locations, CurrentUsers currentUsers, SiteDirectory sites, AuditLog audit) {
        this.locations = locations;
        this.currentUsers = currentUsers;
        this.sites = sites;
        this.audit = audit;
    }

    /** Adds a place at one of the user's sites; sent again with the same id, answers the place. */
    @Transactional
    public Location add(NewLocation command) {
        CurrentUser user = requirePlaceKeeper();
        if (!sites.exists(command.siteId())) {
            throw DomainException.invalidInput("siteId");
        }
        if (!user.mayWorkAt(command.siteId())) {
            throw StockProblems.locationOutsideScope();
        }
        String name = name(command.name());
        try {
            if (!locations.insert(command, name, user.id())) {
                return sameAgain(command);
            }
        } catch (DuplicateKeyException e) {
            throw StockProblems.locationNameTaken();
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, command.id());
        return locations.find(command.id()).orElseThrow();
    }

    /** Renames a place at one of the user's sites, read at the version given. */
    @Transactional
    public Location rename(UUID id, RenamedLocation command) {
        CurrentUser user = requirePlaceKeeper();
        Location place = requireUsable(id);
        String name = name(command.name());
        if (place.version() != command.version()) {
            throw DomainException.staleVersion(place.version());
        }
        try {
            locations.rename(id, name, command.version(), user.id());
        } catch (DuplicateKeyException e) {
            throw StockProblems.locationNameTaken();
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return locations.find(id).orElseThrow();
    }

    /**
     * Closes a place that holds nothing any more (its goods transferred or written off first): it
     * leaves the lists, its ledger stays.
     */
    @Transactional
    public void close(UUID id, ClosedLocation command) {
        CurrentUser user = requirePlaceKeeper();
        Location place = requireUsable(id);
        if (place.version() != command.version()) {
            throw DomainException.staleVersion(place.version());
        }
        if (locations.holdsGoods(id)) {
            throw StockProblems.locationNotEmpty();
        }
        locations.close(id, command.version(), user.id());
        audit.record(AuditAction.DELETE, RECORD_TYPE, id);
    }

    private CurrentUser requirePlaceKeeper() {
        CurrentUser user = currentUsers.current();
        if (!user.hasRole(Role.ADMINISTRATOR) && MANAGERS.stream().noneMatch(user::hasRole)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }

    private static String name(String given) {
        String name = given.strip();
        if (name.isEmpty()) {
            throw DomainException.invalidInput("name");
        }
        return name;
    }

    private Location sameAgain(NewLocation command) {
        Location existing = locations.find(command.id()).orElseThrow(StockProblems::operationReused);
        if (!existing.siteId().equals(command.siteId()) || existing.kind() != command.kind()) {
            throw StockProblems.operationReused();
        }
        return existing;
    }

    /** The places at the user's sites. */
    @Transactional(readOnly = true)
    public List<Location> mine() {
        CurrentUser user = requireReader();
        return user.allSites() ? locations.all() : locations.atSites(user.siteIds());
    }

    /** A place at one of the user's sites: 404 when there is none, 403 when it is at another site. */
    Location requireUsable(UUID id) {
        CurrentUser user = currentUsers.current();
        Location location = locations.find(id).orElseThrow(StockProblems::locationNotFound);
        if (!user.mayWorkAt(location.siteId())) {
            throw StockProblems.locationOutsideScope();
        }
        return location;
    }

    /** The current user, whose role may see stock (every role but the data officer's). */
    CurrentUser requireReader() {
        CurrentUser user = currentUsers.current();
        if (user.roles().stream().allMatch(role -> role == Role.DATA_OFFICER)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }

    /** The current user, whose role receives, moves, counts and removes goods. */
    CurrentUser requireManager() {
        CurrentUser user = currentUsers.current();
        if (MANAGERS.stream().noneMatch(user::hasRole)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }
}
