package org.passerelle.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.passerelle.PasserelleApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts and stops a whole Passerelle inside a test, with the given properties, as an operator would. */
public final class RunningApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningApplication start(Map<String, String> properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--logging.structured.format.console=",
                "--passerelle.admin.initial-password=" + PasserelleTest.ADMIN_PASSWORD));
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new RunningApplication(
                new SpringApplicationBuilder(PasserelleApplication.class).run(args.toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The first administrator, logged in with the second factor an administrator must have. */
    public ApiSession adminSession() {
        ApiSession admin = new ApiSession(port());
        admin.loginWithSecondFactor("admin", PasserelleTest.ADMIN_PASSWORD);
        return admin;
    }

    @Override
    public void close() {
        context.close();
    }
}
