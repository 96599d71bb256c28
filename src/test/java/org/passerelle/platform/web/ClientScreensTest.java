package org.passerelle.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.util.AntPathMatcher;

/** Every screen the web client's router knows is served as the single page, so a reload or a link finds it. */
class ClientScreensTest {

    private static final Pattern SCREEN = Pattern.compile("case '(/[^']*)':");

    @Test
    void servesEveryScreenOfTheRouter() throws IOException {
        String router = Files.readString(Path.of("web/src/router.ts"));
        List<String> screens = SCREEN.matcher(router)
                .results()
                .map(match -> match.group(1))
                .filter(path -> !path.equals("/") && !path.equals("/index.html"))
                .toList();
        AntPathMatcher matcher = new AntPathMatcher();

        assertThat(screens).contains("/login", "/conflicts");
        assertThat(screens)
                .allSatisfy(screen ->
                        assertThat(ClientScreens.PATHS).as(screen).anyMatch(pattern -> matcher.match(pattern, screen)));
    }
}
