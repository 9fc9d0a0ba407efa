package vn.communereport.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Locale;

import org.flywaydb.core.Flyway;

/**
 * The seeded databases variants start from, one per history, definition size and open period, built once and kept
 * (in target/bench/db-cache for H2, as a bench_tpl_ database on the PostgreSQL server) until the application's
 * migrations change. H2 and PostgreSQL get the same seeding: the same members, the same history, the same open period.
 */
final class SeededTemplates {

    /** What goes into a template: members, history, the open period. */
    interface Seeding {
        /** Seeds and returns the number of answers stored. */
        long into(Seeder seeder) throws SQLException;
    }

    private final Path cache;
    private final String key;
    private final String reportCode;
    private final Seeding seeding;

    SeededTemplates(Path cache, String key, String reportCode, Seeding seeding) {
        this.cache = cache;
        this.key = key;
        this.reportCode = reportCode;
        this.seeding = seeding;
    }

    /** The H2 template file (baocao.mv.db to copy). */
    Path h2() throws Exception {
        Files.createDirectories(cache);
        Path cached = cache.resolve(key + ".mv.db");
        if (Files.exists(cached) && !upToDate(Seeder.fileUrl(cache.resolve(key)), "sa", "")) {
            System.out.println("   cached " + cached.getFileName() + " predates a migration: seeded again");
            Files.delete(cached);
        }
        if (!Files.exists(cached)) {
            Path building = cache.resolve(key + "-building");
            Path file = building.resolveSibling(building.getFileName() + ".mv.db");
            Files.deleteIfExists(file);
            seed("H2", Seeder.fileUrl(building), "sa", "");
            Files.move(file, cached, StandardCopyOption.REPLACE_EXISTING);
        }
        return cached;
    }

    /** The PostgreSQL template database's name. */
    String postgres(PostgresServer server) throws SQLException {
        // named by the migrations too: a branch with other migrations keeps a template of its own instead of re-seeding this one
        String name = PostgresServer.name("tpl", key, migrationsHash());
        if (server.exists(name) && !upToDate(server.url(name), server.user(), server.password())) {
            System.out.println("   template database " + name + " predates a migration: seeded again");
            server.drop(name);
        }
        if (!server.exists(name)) {
            String building = PostgresServer.name("tpl_building", PostgresServer.RUN);
            server.drop(building);
            server.create(building, null);
            // batched inserts sent as multi-row statements: the seeding is a bulk load, not what is measured
            seed("PostgreSQL", server.url(building) + "?reWriteBatchedInserts=true", server.user(), server.password());
            server.rename(building, name);
        }
        return name;
    }

    private void seed(String where, String url, String user, String password) throws SQLException {
        long t0 = System.nanoTime();
        try (Seeder seeder = new Seeder(url, user, password, reportCode)) {
            long stored = seeding.into(seeder);
            System.out.printf(Locale.ROOT, "   seeded %s: %d answers in %d periods of %d communes in %.1f s%n", where, stored,
                    seeder.count("reporting_period"), seeder.countDistinct("reporting_period", "commune_code"), (System.nanoTime() - t0) / 1e9);
        }
    }

    /** A short hash of the application's migration scripts (names and contents), from the classpath. */
    static String migrationsHash() {
        try {
            java.net.URL url = SeededTemplates.class.getClassLoader().getResource("db/migration");
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            try (var files = Files.list(Path.of(url.toURI()))) {
                for (Path file : files.sorted().toList()) {
                    digest.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(file));
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 8);
        } catch (Exception e) {
            return "any"; // not on the file system: the Flyway check below still catches a stale template
        }
    }

    private static boolean upToDate(String url, String user, String password) {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().info().pending().length == 0;
    }
}
