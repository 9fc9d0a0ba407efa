package vn.communereport.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.context.ConfigurableApplicationContext;

import com.zaxxer.hikari.HikariDataSource;

import vn.communereport.testsupport.SharedDatabaseInstances;

/**
 * What a load balancer asks, over real HTTP without any sign-in: liveness (the process works) and readiness (it can
 * serve, the database included), status only; nothing else of the actuator is exposed. When the database goes,
 * readiness says DOWN (503) while liveness stays UP, so the balancer stops sending work without the instance being
 * restarted for it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthEndpointTest {

    @TempDir
    static Path data;
    static ConfigurableApplicationContext app;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        app = SharedDatabaseInstances.start(data, "health", Map.of("spring.datasource.hikari.connection-timeout", "2000"), null);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void healthLivenessAndReadinessAreUpAndOpenToAnyone() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("details");
        }
    }

    @Test
    @Order(2)
    void readinessIncludesTheDatabaseAndLivenessDoesNot() {
        HealthEndpointGroups groups = app.getBean(HealthEndpointGroups.class);
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
        assertThat(groups.get("liveness").isMember("db")).as("a database outage is no reason to restart the instance").isFalse();
    }

    @Test
    @Order(3)
    void nothingButHealthIsExposed() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/heapdump", "/actuator/loggers"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    @Order(4)
    void withoutItsDatabaseTheInstanceIsAliveButNotReady() throws Exception {
        // The pool is closed: every connection the application asks for is refused, as when the database is gone.
        app.getBean(HikariDataSource.class).close();
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
