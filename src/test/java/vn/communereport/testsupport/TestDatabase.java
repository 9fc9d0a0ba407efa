package vn.communereport.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The database an application started by a test uses: an H2 file in the test's folder by default; with
 * {@code -Dtest.postgresql.url=jdbc:postgresql://127.0.0.1:5433/} (and {@code test.postgresql.user}, default
 * {@code postgres}) a PostgreSQL database of its own per folder, created on first use, so that a test that restarts
 * the application on the same folder finds the same data, as it does on H2. {@code .ci/run} runs the suite both ways.
 */
public final class TestDatabase {

    private static final String POSTGRESQL = System.getProperty("test.postgresql.url", "").strip();

    private TestDatabase() {
    }

    public static boolean onPostgres() {
        return !POSTGRESQL.isEmpty();
    }

    /** Spring's datasource settings for an application whose data lives in {@code dataDir}. */
    public static Map<String, String> settingsFor(Path dataDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (!onPostgres()) {
            settings.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("baocao").toAbsolutePath());
            return settings;
        }
        String name = "it_" + Integer.toHexString(dataDir.toAbsolutePath().normalize().toString().hashCode()).toLowerCase(Locale.ROOT);
        create(name);
        settings.put("spring.datasource.url", base() + name);
        settings.put("spring.datasource.username", user());
        settings.put("spring.datasource.password", System.getProperty("test.postgresql.password", ""));
        return settings;
    }

    private static String base() {
        return POSTGRESQL.endsWith("/") ? POSTGRESQL : POSTGRESQL + "/";
    }

    private static String user() {
        return System.getProperty("test.postgresql.user", "postgres");
    }

    private static synchronized void create(String name) {
        try (Connection admin = DriverManager.getConnection(base() + "postgres", user(), System.getProperty("test.postgresql.password", ""));
             PreparedStatement exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = admin.createStatement()) {
                create.execute("create database " + name); // the name is ours: it_ and hex digits
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the tests is not reachable at " + POSTGRESQL + ": " + e.getMessage(), e);
        }
    }
}
