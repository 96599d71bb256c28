package org.passerelle.access;

import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    AccountUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username.strip().toLowerCase(Locale.ROOT))
                .map(user -> new AccountPrincipal(
                        user.account().id(),
                        user.account().username(),
                        user.passwordHash(),
                        user.account().enabled(),
                        user.account().roles().stream().map(Enum::name).toList()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
