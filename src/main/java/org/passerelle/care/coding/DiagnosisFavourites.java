package org.passerelle.care.coding;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The diagnoses a site codes most, listed first when its clinicians look for one. The clinicians,
 * psychologists, social and legal workers and coordinators of a site keep the list of the site they
 * work at; every change is audited (on the site's record).
 */
@Service
@Transactional
public class DiagnosisFavourites {

    /** How many favourites a site may keep: a short list to pick from, not a second catalogue. */
    public static final int MAXIMUM = 100;

    static final String RECORD_TYPE = "diagnosis-favourites";

    private final FavouriteRepository repository;
    private final DiagnosisCatalogue catalogue;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;

    DiagnosisFavourites(
            FavouriteRepository repository, DiagnosisCatalogue catalogue, CurrentUsers currentUsers, AuditLog audit) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    /** The favourite codes of the current user's site, in order; none when no site is chosen. */
    @Transactional(readOnly = true)
    public List<String> ofCurrentSite() {
        UUID siteId = requireCarer().currentSiteId();
        return siteId == null ? List.of() : repository.codes(siteId);
    }

    /** The favourite codes of a site, in order (for the form engine, which knows the consultation's site). */
    @Transactional(readOnly = true)
    public List<String> ofSite(UUID siteId) {
        return repository.codes(siteId);
    }

    /** Adds a diagnosis at the end of the current site's favourites; nothing changes if it is one already. */
    public List<String> add(String code) {
        CurrentUser user = requireCarer();
        UUID siteId = user.requireCurrentSite();
        catalogue.require("code", code);
        List<String> favourites = repository.codes(siteId);
        if (favourites.contains(code)) {
            return favourites;
        }
        if (favourites.size() >= MAXIMUM) {
            throw CodingProblems.tooManyFavourites();
        }
        if (repository.add(siteId, code, user.id())) {
            audit.record(AuditAction.CREATE, RECORD_TYPE, siteId);
        }
        return repository.codes(siteId);
    }

    /** Removes a diagnosis from the current site's favourites, if it is one. */
    public List<String> remove(String code) {
        CurrentUser user = requireCarer();
        UUID siteId = user.requireCurrentSite();
        catalogue.require("code", code);
        if (repository.remove(siteId, code)) {
            audit.record(AuditAction.DELETE, RECORD_TYPE, siteId);
        }
        return repository.codes(siteId);
    }

    /** Makes these diagnoses, in this order, the current site's favourites. */
    public List<String> replace(List<String> codes) {
        CurrentUser user = requireCarer();
        UUID siteId = user.requireCurrentSite();
        if (codes.size() > MAXIMUM) {
            throw CodingProblems.tooManyFavouriteCodes();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            catalogue.require("codes[" + i + "]", codes.get(i));
            if (!seen.add(codes.get(i))) {
                throw CodingProblems.duplicateCode(i);
            }
        }
        repository.replace(siteId, codes, user.id());
        audit.record(AuditAction.UPDATE, RECORD_TYPE, siteId);
        return repository.codes(siteId);
    }

    private CurrentUser requireCarer() {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }
}
