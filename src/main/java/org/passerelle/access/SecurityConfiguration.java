package org.passerelle.access;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import org.passerelle.platform.web.ClientScreens;
import org.passerelle.platform.web.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Deny by default: the web client's files, the login endpoints (password, then second-factor
 * code) and health are open; the API description needs a logged-in user, the metrics an
 * administrator (or the loopback {@link MetricsListener}); everything else needs a logged-in user,
 * and each module's controllers check roles and scopes on top.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    // 'wasm-unsafe-eval' lets the offline sign-in compile its argon2id WebAssembly; it allows no eval of scripts
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
                    + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
                    + "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ProblemResponses problems,
            CurrentUsers currentUsers,
            SecondFactors secondFactors,
            @Value("${passerelle.session.absolute-timeout:12h}") Duration absoluteTimeout,
            Clock clock,
            MetricsListener metrics)
            throws Exception {
        RequestMatcher onMetricsListener = metrics.onMetricsListener();
        http.csrf(csrf -> csrf.spa())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.securityContextRepository(securityContextRepository()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                                (request, response, e) -> problems.write(request, response, 401, "not-authenticated"))
                        .accessDeniedHandler(
                                (request, response, e) -> problems.write(request, response, 403, "forbidden")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        // sent on HTTPS requests only: behind a TLS proxy, once it is trusted (README)
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(
                                        Duration.ofDays(365).toSeconds())
                                .includeSubDomains(true))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(
                        new ActiveAccountFilter(currentUsers, absoluteTimeout, clock), AuthorizationFilter.class)
                .addFilterAfter(
                        new SecondFactorFilter(currentUsers, secondFactors, problems, clock), ActiveAccountFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(
                                DispatcherType.FORWARD, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(new AndRequestMatcher(
                                onMetricsListener,
                                PathPatternRequestMatcher.withDefaults()
                                        .matcher(HttpMethod.GET, MetricsListener.METRICS_PATH)))
                        .permitAll()
                        .requestMatchers(onMetricsListener)
                        .denyAll()
                        .requestMatchers("/api/session")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/session/second-factor")
                        .permitAll()
                        // a device learns whether it is still enrolled before anyone signs in on it
                        .requestMatchers(HttpMethod.POST, "/api/devices/contact")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        // the FHIR facade: its capability statement says nothing about anyone
                        .requestMatchers(HttpMethod.GET, "/fhir/metadata")
                        .permitAll()
                        .requestMatchers("/fhir", "/fhir/**")
                        .authenticated()
                        .requestMatchers("/actuator/health/**", "/actuator/health")
                        .permitAll()
                        .requestMatchers(MetricsListener.METRICS_PATH)
                        .hasRole(Role.ADMINISTRATOR.name())
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                        .authenticated()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/",
                                "/index.html",
                                "/assets/**",
                                "/icons/**",
                                "/favicon.svg",
                                "/manifest.webmanifest",
                                "/sw.js")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, ClientScreens.PATHS.toArray(String[]::new))
                        .permitAll()
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** argon2id with 19 MiB of memory, 2 iterations and 1 lane (OWASP's recommended minimum). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }
}
