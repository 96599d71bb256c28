package org.passerelle.access;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where a Prometheus server scrapes the metrics without logging in: a second listener, off unless
 * {@code passerelle.metrics.port} ({@code PASSERELLE_METRICS_PORT}) is set, bound to the loopback
 * address by default ({@code passerelle.metrics.address}), that answers {@code
 * /actuator/prometheus} and nothing else. On the main port the metrics are for administrators only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class MetricsListener {

    static final String METRICS_PATH = "/actuator/prometheus";

    private final int port;
    private final String address;

    MetricsListener(
            @Value("${passerelle.metrics.port:-1}") int port,
            @Value("${passerelle.metrics.address:127.0.0.1}") String address) {
        this.port = port;
        this.address = address;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> metricsConnector() {
        return factory -> {
            if (port > 0) {
                Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
                connector.setPort(port);
                connector.setProperty("address", address);
                factory.addAdditionalConnectors(connector);
            }
        };
    }

    /** Whether a request came in on the metrics listener (the port it reached, not one a header claims). */
    RequestMatcher onMetricsListener() {
        return (HttpServletRequest request) -> port > 0 && request.getLocalPort() == port;
    }
}
