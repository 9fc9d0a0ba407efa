package vn.communereport.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The database one variant's bot runs on, a copy of the seeded template: an H2 file in the run's folder, or a
 * PostgreSQL database of its own on the server ({@code CREATE DATABASE ... TEMPLATE}), dropped when the run ends.
 */
final class VariantDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final PostgresServer server;
    private final String postgresName;

    private VariantDatabase(String url, String user, String password, PostgresServer server, String postgresName) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.server = server;
        this.postgresName = postgresName;
    }

    static VariantDatabase h2(Path dir, String variant, Path template, String dbOptions) throws Exception {
        Path db = dir.resolve("db-" + variant);
        EndToEndBench.deleteTree(db);
        Files.createDirectories(db);
        Files.copy(template, db.resolve("baocao.mv.db"));
        return new VariantDatabase("jdbc:h2:file:" + db.resolve("baocao").toAbsolutePath() + ";AUTO_SERVER=TRUE" + dbOptions, "sa", "", null, null);
    }

    /** {@code dbOptions} are appended to the JDBC URL (e.g. {@code ?prepareThreshold=1}). */
    static VariantDatabase postgres(PostgresServer server, String variant, String template, String dbOptions) throws SQLException {
        String name = PostgresServer.name(variant, PostgresServer.RUN);
        server.drop(name);
        server.create(name, template);
        return new VariantDatabase(server.url(name) + dbOptions, server.user(), server.password(), server, name);
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    boolean onPostgres() {
        return server != null;
    }

    /** The server's processes working for this database now (none for H2: its work is the bot's own process's). */
    List<Long> serverProcesses() {
        return server == null ? List.of() : server.processesFor(List.of(postgresName));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.drop(postgresName);
            } catch (SQLException e) {
                System.out.println("   could not drop " + postgresName + ": " + e.getMessage());
            }
        }
    }
}
