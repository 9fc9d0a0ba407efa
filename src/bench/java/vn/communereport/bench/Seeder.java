package vn.communereport.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;

import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.definition.ReportDefinition;

/**
 * Prepares the database a benchmark bot starts on (an H2 file or a PostgreSQL database): migrated by the
 * application's own Flyway scripts, then filled with plain batched JDBC inserts (members, past reporting periods and
 * their answers).
 */
final class Seeder implements AutoCloseable {

    static final String COMMUNE = "binh-lu";
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    private final Connection connection;
    private final String reportCode;

    /** An H2 database (user sa). */
    Seeder(String jdbcUrl, String reportCode) throws SQLException {
        this(jdbcUrl, "sa", "", reportCode);
    }

    Seeder(String jdbcUrl, String user, String password, String reportCode) throws SQLException {
        Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration").load().migrate();
        this.connection = DriverManager.getConnection(jdbcUrl, user, password);
        this.connection.setAutoCommit(false);
        this.reportCode = reportCode;
    }

    static String fileUrl(Path databaseFile) {
        return "jdbc:h2:file:" + databaseFile.toAbsolutePath();
    }

    /** A department member who has joined already: the bot recognises them from their first message. */
    void member(long userId, String name, String departmentCode, boolean officeAdmin) throws SQLException {
        long memberId;
        try (PreparedStatement insert = connection.prepareStatement("insert into member (commune_code, "
                + "display_name, department_code, office_admin, active, created_at, version) values (?, ?, ?, ?, true, ?, 0)",
                new String[] {"id"})) {
            insert.setString(1, COMMUNE);
            insert.setString(2, name);
            insert.setString(3, departmentCode);
            insert.setBoolean(4, officeAdmin);
            insert.setObject(5, OffsetDateTime.ofInstant(LONG_AGO, ZoneOffset.UTC));
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                memberId = keys.getLong(1);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into member_identity (member_id, channel, user_ref, "
                + "address, unreachable, version) values (?, 'telegram', ?, ?, false, 0)")) {
            insert.setLong(1, memberId);
            insert.setString(2, String.valueOf(userId));
            insert.setString(3, String.valueOf(userId));
            insert.executeUpdate();
        }
        connection.commit();
    }

    /**
     * Stores about {@code total} answers in closed past periods: first this commune's own history (up to
     * {@code ownPeriods} periods before {@code current}, every question of the definition answered), then other
     * communes' histories (a province-wide deployment), 20 periods each. Returns the number of answers stored.
     */
    long history(ReportDefinition report, PeriodKey current, long total, int ownPeriods) throws SQLException {
        return history(report, current, new History(Integer.MAX_VALUE, ownPeriods, total));
    }

    /**
     * Stores the history in closed past periods: this commune's first, then other communes' ({@code xa-0001}, ...),
     * {@code history.periods()} periods before {@code current} each, every question of the definition answered,
     * until {@code history.communes()} communes have theirs or {@code history.maxAnswers()} answers are stored.
     * Returns the number of answers stored.
     */
    long history(ReportDefinition report, PeriodKey current, History history) throws SQLException {
        List<Question> questions = new ArrayList<>();
        report.flowsByDepartment().values().forEach(f -> questions.addAll(f.questions()));
        long stored = 0;
        for (int commune = 0; commune < history.communes() && stored < history.maxAnswers(); commune++) {
            String code = commune == 0 ? COMMUNE : String.format("xa-%04d", commune);
            PeriodKey key = current;
            for (int p = 0; p < history.periods() && stored < history.maxAnswers(); p++) {
                key = key.previous();
                stored += period(code, key, questions, (int) Math.min(questions.size(), history.maxAnswers() - stored));
            }
            connection.commit();
        }
        connection.commit();
        return stored;
    }

    /** The open period answers go to, with no deadline (so no reminders run during a benchmark). */
    long openPeriod(PeriodKey key) throws SQLException {
        return insertPeriod(COMMUNE, key, "OPEN");
    }

    /** Closes the open period and opens the next one: the next round of a benchmark starts on an empty period. */
    static PeriodKey nextRound(Connection connection, String reportCode, PeriodKey after) throws SQLException {
        PeriodKey next = after.next();
        try (PreparedStatement close = connection.prepareStatement(
                "update reporting_period set status = 'CLOSED', version = version + 1 where commune_code = ? and report_code = ? and status = 'OPEN'")) {
            close.setString(1, COMMUNE);
            close.setString(2, reportCode);
            close.executeUpdate();
        }
        insertPeriod(connection, COMMUNE, reportCode, next, "OPEN");
        connection.commit();
        return next;
    }

    private int period(String commune, PeriodKey key, List<Question> questions, int count) throws SQLException {
        long periodId = insertPeriod(commune, key, "CLOSED");
        try (PreparedStatement insert = connection.prepareStatement("insert into answer (period_id, question_id, department_code, "
                + "value_text, value_number, skipped, updated_by, updated_at, version) values (?, ?, ?, ?, ?, false, ?, ?, 0)")) {
            OffsetDateTime at = OffsetDateTime.ofInstant(key.endsOn().atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            for (int i = 0; i < count; i++) {
                Question q = questions.get(i);
                insert.setLong(1, periodId);
                insert.setString(2, q.id());
                insert.setString(3, q.departmentCode());
                if (q.type() == QuestionType.NARRATIVE || q.type() == QuestionType.TEXT) {
                    insert.setString(4, Answers.narrative(q, key.year() * 10 + key.index()));
                    insert.setBigDecimal(5, null);
                } else {
                    insert.setString(4, null);
                    insert.setBigDecimal(5, new BigDecimal(Answers.number(q, key.year() * 10 + key.index())));
                }
                insert.setLong(6, 1);
                insert.setObject(7, at);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return count;
    }

    private long insertPeriod(String commune, PeriodKey key, String status) throws SQLException {
        return insertPeriod(connection, commune, reportCode, key, status);
    }

    private static long insertPeriod(Connection connection, String commune, String reportCode, PeriodKey key, String status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into reporting_period (commune_code, report_code, period_key, "
                + "starts_on, ends_on, deadline, status, opened_at, version) values (?, ?, ?, ?, ?, null, ?, ?, 0)",
                new String[] {"id"})) {
            insert.setString(1, commune);
            insert.setString(2, reportCode);
            insert.setString(3, key.key());
            insert.setObject(4, key.startsOn());
            insert.setObject(5, key.endsOn());
            insert.setString(6, status);
            insert.setObject(7, OffsetDateTime.ofInstant(key.startsOn().atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    long count(String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long countDistinct(String table, String column) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select count(distinct " + column + ") from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.commit();
        connection.close();
    }
}
