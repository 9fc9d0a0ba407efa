package vn.communereport.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The PostgreSQL server the PostgreSQL variants run on (the shared one at 127.0.0.1:5433 by default): a seeded
 * template database built once per history and schema, and from it a database per variant
 * ({@code CREATE DATABASE ... TEMPLATE ...}, a file copy on the server, so every variant starts on the same data),
 * dropped at the end. Database names are the harness's own: {@code bench_} and lower-case letters, digits, '_'.
 */
final class PostgresServer {

    private final String base;
    private final String user;
    private final String password;

    PostgresServer(String url, String user, String password) {
        this.base = url.endsWith("/") ? url : url + "/";
        this.user = user;
        this.password = password;
    }

    String url(String database) {
        return base + database;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** This run's own: two runs on one server (a lead's check beside a helper's) never drop each other's databases. */
    static final String RUN = String.valueOf(ProcessHandle.current().pid());

    /** A name the harness may create and drop: bench_ and the given words, lower case, other characters as '_'. */
    static String name(String... words) {
        String joined = "bench_" + String.join("_", words).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return joined.length() > 63 ? joined.substring(0, 63) : joined;
    }

    /** How the server keeps commits: fsync and synchronous_commit, for the report. */
    String durability() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('server_version'), current_setting('fsync'), "
                     + "current_setting('synchronous_commit'), current_setting('shared_buffers')")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1) + ", fsync=" + rs.getString(2) + ", synchronous_commit=" + rs.getString(3)
                    + ", shared_buffers=" + rs.getString(4);
        }
    }

    boolean exists(String database) throws SQLException {
        try (Connection c = admin(); PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            q.setString(1, database);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    void create(String database, String template) throws SQLException {
        execute("create database " + database + (template == null ? "" : " template " + template));
    }

    void drop(String database) throws SQLException {
        execute("drop database if exists " + database + " with (force)");
    }

    void rename(String from, String to) throws SQLException {
        execute("alter database " + from + " rename to " + to);
    }

    /**
     * The server processes working for these databases (their backends, autovacuum included), and the server's own
     * background processes (WAL writer, checkpointer, ...) that every commit makes work: the CPU the bot costs the
     * server. Other databases' backends (other builds' tests) are not counted.
     */
    List<Long> processesFor(Collection<String> databases) {
        List<Long> pids = new ArrayList<>();
        try (Connection c = admin(); PreparedStatement q = c.prepareStatement(
                "select pid from pg_stat_activity where datname = any (?) or (datname is null and backend_type <> 'client backend')")) {
            q.setArray(1, c.createArrayOf("text", databases.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            // a reading missed: the CPU of this moment is counted with the machine's others
        }
        return pids;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(url("postgres"), user, password);
    }
}
