package org.passerelle.platform.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Serves the web client and picks the user's language from the request. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** The languages of the user interface; French first, as teams speak it. */
    static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH, Locale.forLanguageTag("ar"));

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(LANGUAGES);
        resolver.setDefaultLocale(Locale.FRENCH);
        return resolver;
    }

    /** The client routes its own screens: every screen path serves the single page. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String screen : ClientScreens.PATHS) {
            registry.addViewController(screen).setViewName("forward:/index.html");
        }
    }
}
