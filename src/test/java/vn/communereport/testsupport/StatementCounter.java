package vn.communereport.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements (and the rows read from their results) the application runs on the thread that
 * {@link #measure measures}: a JDK proxy around the DataSource, so JPA, Hibernate and JdbcTemplate are all counted,
 * commits too. Other threads (the outbox's drainer, schedulers) are not counted.
 */
public final class StatementCounter implements BeanPostProcessor {

    /** What one measured piece of work ran. */
    public record Tally(List<String> statements, int rows, int commits) {
        public int count() {
            return statements.size();
        }

        @Override
        public String toString() {
            return statements.size() + " statements, " + rows + " rows, " + commits + " commits:\n  "
                    + String.join("\n  ", statements);
        }
    }

    private static final class Recording {
        final List<String> statements = new ArrayList<>();
        int rows;
        int commits;
    }

    private final ThreadLocal<Recording> current = new ThreadLocal<>();

    /** Runs {@code work} on this thread and returns what it ran. */
    public Tally measure(Runnable work) {
        Recording recording = new Recording();
        current.set(recording);
        try {
            work.run();
        } finally {
            current.remove();
        }
        return new Tally(List.copyOf(recording.statements), recording.rows, recording.commits);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection c ? proxy(Connection.class, c, this::connection) : result;
            });
        }
        return bean;
    }

    private Object connection(Object target, Method method, Object[] args) throws Throwable {
        Object result = invoke(target, method, args);
        Recording r = current.get();
        if (r != null && method.getName().equals("commit")) {
            r.commits++;
        }
        if (result instanceof CallableStatement || result instanceof PreparedStatement) {
            String sql = (String) args[0];
            Class<?> type = result instanceof CallableStatement ? CallableStatement.class : PreparedStatement.class;
            return proxy(type, result, (t, m, a) -> statement(t, m, a, sql));
        }
        if (result instanceof Statement) {
            return proxy(Statement.class, result, (t, m, a) -> statement(t, m, a, null));
        }
        return result;
    }

    private Object statement(Object target, Method method, Object[] args, String prepared) throws Throwable {
        String name = method.getName();
        Recording r = current.get();
        if (r != null && (name.startsWith("execute"))) {
            String sql = prepared != null ? prepared : (String) args[0];
            r.statements.add(name.equals("executeBatch") ? "batch: " + sql : sql);
        }
        Object result = invoke(target, method, args);
        if (result instanceof ResultSet rs) {
            return proxy(ResultSet.class, rs, this::resultSet);
        }
        return result;
    }

    private Object resultSet(Object target, Method method, Object[] args) throws Throwable {
        Object result = invoke(target, method, args);
        Recording r = current.get();
        if (r != null && method.getName().equals("next") && Boolean.TRUE.equals(result)) {
            r.rows++;
        }
        return result;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object proxy(Class<?> type, Object target, Handler handler) {
        InvocationHandler h = (p, m, a) -> {
            if (m.getName().equals("unwrap") || m.getName().equals("isWrapperFor")) {
                return invoke(target, m, a);
            }
            return handler.handle(target, m, a);
        };
        return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }
}
