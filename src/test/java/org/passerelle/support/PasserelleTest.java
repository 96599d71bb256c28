package org.passerelle.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Starts the whole application on a random port over its own embedded PostgreSQL, in a fresh data
 * directory under {@code target/}. Test classes with this annotation share one running application.
 * The retention job and the duplicate scan never run by themselves there: tests start them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "passerelle.database.data-directory=target/test-data/${random.uuid}",
            "passerelle.admin.initial-password=" + PasserelleTest.ADMIN_PASSWORD,
            "logging.structured.format.console=",
            "passerelle.retention.cron=-",
            "passerelle.backup.cron=-",
            "passerelle.backup.directory=target/test-data/backups-${random.uuid}",
            // the nightly duplicate scan never runs by itself either; and the test registry holds
            // thousands of unrelated persons, which makes any one pair less likely a priori: pairs are
            // proposed from 20 % likely, so that the tests' pairs do not depend on how many others exist
            "passerelle.duplicates.scheduled=false",
            "passerelle.duplicates.threshold=0.2"
        })
public @interface PasserelleTest {

    String ADMIN_PASSWORD = "quiet river under stone";
}
