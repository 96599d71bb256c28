package org.passerelle.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.passerelle.platform.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * HAPI FHIR's plain server at {@code /fhir}, with one resource provider per resource type. The
 * R4 context, slow to build, is built once. The server starts on the first request to {@code /fhir},
 * not with the application: a team restarting Passerelle in the field should not wait for a model
 * that only other systems use. The security filter chain covers {@code /fhir} like {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

    static final String PATH = "/fhir";

    /** Searches kept for their next pages (ids only), the oldest forgotten first. */
    private static final int SEARCHES_KEPT = 200;

    private static final Logger log = LoggerFactory.getLogger(FhirServerConfiguration.class);

    @Bean
    FhirContext fhirContext() {
        useWoodstox();
        return FhirContext.forR4Cached();
    }

    /**
     * HAPI reads and writes FHIR XML with Woodstox and sets Woodstox's own properties on the
     * JDK's default StAX factory, which would otherwise be the Aalto parser that the spreadsheet
     * reader brings (and builds for itself, so it is not affected).
     */
    static void useWoodstox() {
        System.setProperty("javax.xml.stream.XMLInputFactory", "com.ctc.wstx.stax.WstxInputFactory");
        System.setProperty("javax.xml.stream.XMLOutputFactory", "com.ctc.wstx.stax.WstxOutputFactory");
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(
            FhirContext context, List<IResourceProvider> providers, ProblemResponses problems, LocaleResolver locales) {
        RestfulServer server = new StartedFhirServer(context);
        server.setServerName("Passerelle");
        server.setImplementationDescription("Passerelle FHIR R4 facade");
        server.setResourceProviders(providers);
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(SEARCHES_KEPT);
        paging.setDefaultPageSize(20);
        paging.setMaximumPageSize(100);
        server.setPagingProvider(paging);
        server.registerInterceptor(new DomainFailures(problems, locales));
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, PATH + "/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(-1);
        return registration;
    }

    /** Says how long the server took to start: building HAPI's model is most of it. */
    private static final class StartedFhirServer extends RestfulServer {

        private static final long serialVersionUID = 1L;

        StartedFhirServer(FhirContext context) {
            super(context);
        }

        @Override
        protected void initialize() throws jakarta.servlet.ServletException {
            long started = System.nanoTime();
            super.initialize();
            // the capability statement's model, built with the server rather than for a client's search
            getFhirContext().getResourceDefinition("CapabilityStatement");
            log.info("FHIR server ready at {} in {} ms", PATH, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
