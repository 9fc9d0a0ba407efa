package vn.communereport.messaging;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name under which this process's outbox holds messages, never the name of another live process. The name is the
 * same when the process is started again (so the new run may free at once what the dead one held) and is the host
 * and folder, or {@code app.instance-id}. A second process started with the same name on the same host and database
 * (two instances from one folder, or one id given twice) would free the first one's messages while it sends them; so
 * each name is backed by an operating-system lock on a file of its own (per name and database), held while the process
 * lives and dropped by the system when it dies however it dies (SIGKILL included). A process that finds its name locked takes the next free one
 * ({@code name-2}, {@code name-3} …). Names must still differ between hosts: hosts name themselves, and an
 * {@code app.instance-id} must not be given to instances on two hosts.
 */
final class SenderName implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SenderName.class);
    /** Leaves room for the suffix and the run ("name-NN:run") in claimed_by's 60 characters. */
    private static final int MAX_BASE = 44;
    private static final int MAX_TRIES = 99;

    private final String name;
    private final FileChannel file;
    private final FileLock lock;

    private SenderName(String name, FileChannel file, FileLock lock) {
        this.name = name;
        this.file = file;
        this.lock = lock;
    }

    /** A name without a lock, for tests that play several processes with names they choose. */
    static SenderName unlocked(String name) {
        return new SenderName(clean(name), null, null);
    }

    /** {@code configured} (blank: this host and folder) or the first free name after it, locked in {@code lockDir}. */
    static SenderName take(String configured, Path lockDir) {
        return take(configured, lockDir, "");
    }

    /**
     * The same among the processes that use {@code database} (its JDBC URL): only they can take each other's messages,
     * so processes of one folder on different databases (tests side by side) do not compete for a name.
     */
    static SenderName take(String configured, Path lockDir, String database) {
        String base = clean(configured == null || configured.isBlank() ? Outbox.defaultInstance() : configured);
        for (int n = 1; n <= MAX_TRIES; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            FileChannel channel = null;
            try {
                channel = FileChannel.open(lockDir.resolve("commune-report-outbox-" + digest(database + "\n" + candidate) + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    if (n > 1) {
                        log.info("Another live instance on this host sends as {}; this one sends as {}", base, candidate);
                    }
                    return new SenderName(candidate, channel, lock);
                }
                channel.close();
            } catch (OverlappingFileLockException heldInThisJvm) {
                closeQuietly(channel);
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                String unique = base + "-" + UUID.randomUUID().toString().substring(0, 8);
                log.warn("No lock file for the outbox's sender name in {} ({}); sending as {}, whose messages another run does not take"
                        + " over before their leases run out", lockDir, e.toString(), unique);
                return unlocked(unique);
            }
        }
        String unique = base + "-" + UUID.randomUUID().toString().substring(0, 8);
        return unlocked(unique);
    }

    String name() {
        return name;
    }

    /** The process is stopping: the name is free for its next run. */
    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException | RuntimeException ignored) {
            // the channel's close below drops it too
        }
        closeQuietly(file);
    }

    private static String clean(String name) {
        String plain = name.strip().replace(':', '-');
        return plain.length() > MAX_BASE ? plain.substring(0, MAX_BASE) : plain;
    }

    private static String digest(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }

    static Path defaultLockDir() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Files.createDirectories(dir);
        } catch (IOException ignored) {
            // take() reports what it cannot open
        }
        return dir;
    }
}
