package vn.communereport.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that runs the real application through long real-time waits (crashes, outages, several instances, a
 * browser, whole flows of many messages). {@code ./mvnw verify} leaves these out so that a developer's check stays
 * within three minutes; {@code ./mvnw verify -Pall}, which CI runs on H2 and PostgreSQL, runs them too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(LongRunning.TAG)
public @interface LongRunning {

    String TAG = "long-running";
}
