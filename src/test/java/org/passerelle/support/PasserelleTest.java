package org.passerelle.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Starts the whole application on a random port over its own embedded PostgreSQL, in a fresh data
 * directory under {@code target/}. Test classes with this annotation share one running application.
 * The retention job never runs by itself there: tests call the purge directly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "passerelle.database.data-directory=target/test-data/${random.uuid}",
            "passerelle.admin.initial-password=" + PasserelleTest.ADMIN_PASSWORD,
            "logging.structured.format.console=",
            "passerelle.retention.cron=-"
        })
public @interface PasserelleTest {

    String ADMIN_PASSWORD = "quiet river under stone";
}
