package org.passerelle.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Tells who is acting in the current request and at which site. */
@Service
public class CurrentUsers {

    static final String SITE_ATTRIBUTE = CurrentUsers.class.getName() + ".site";
    private static final String USER_ATTRIBUTE = CurrentUsers.class.getName() + ".user";

    private final UserRepository users;

    CurrentUsers(UserRepository users) {
        this.users = users;
    }

    /** The acting user; refuses when nobody is logged in. */
    public CurrentUser current() {
        return currentIfAny().orElseThrow(() -> AccessProblems.noCurrentUser());
    }

    /** The acting user, read once per request; none outside a request or before login. */
    public Optional<CurrentUser> currentIfAny() {
        HttpServletRequest request = request();
        if (request != null && request.getAttribute(USER_ATTRIBUTE) instanceof CurrentUser cached) {
            return Optional.of(cached);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            return Optional.empty();
        }
        Optional<CurrentUser> user = users.findById(principal.id())
                .map(UserRepository.StoredUser::account)
                .filter(UserAccount::enabled)
                .map(account -> toCurrentUser(account, request));
        if (request != null) {
            user.ifPresent(found -> request.setAttribute(USER_ATTRIBUTE, found));
        }
        return user;
    }

    /** Chooses the site this session works at, among those the user may work at. */
    void chooseSite(HttpServletRequest request, UUID siteId) {
        CurrentUser user = current();
        if (!user.mayWorkAt(siteId)) {
            throw AccessProblems.siteNotInScope();
        }
        request.getSession().setAttribute(SITE_ATTRIBUTE, siteId);
        request.removeAttribute(USER_ATTRIBUTE);
    }

    /**
     * Makes the rest of the current request act at {@code siteId}, one of the user's sites, whatever
     * site the session chose: for changes a device made offline at the site they name.
     */
    public void actAt(UUID siteId) {
        CurrentUser user = current();
        HttpServletRequest request = request();
        if (!user.mayWorkAt(siteId)) {
            throw AccessProblems.siteNotInScope();
        }
        if (request == null) {
            throw new IllegalStateException("a site is chosen within a request");
        }
        request.setAttribute(
                USER_ATTRIBUTE,
                new CurrentUser(
                        user.id(),
                        user.username(),
                        user.displayName(),
                        user.roles(),
                        user.allSites(),
                        user.siteIds(),
                        siteId));
    }

    private static CurrentUser toCurrentUser(UserAccount account, @Nullable HttpServletRequest request) {
        UUID site = null;
        HttpSession session = request == null ? null : request.getSession(false);
        if (session != null && session.getAttribute(SITE_ATTRIBUTE) instanceof UUID chosen) {
            site = chosen;
        }
        if (site != null && !(account.allSites() || account.siteIds().contains(site))) {
            site = null;
        }
        return new CurrentUser(
                account.id(),
                account.username(),
                account.displayName(),
                account.roles(),
                account.allSites(),
                account.siteIds(),
                site);
    }

    private static @Nullable HttpServletRequest request() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
