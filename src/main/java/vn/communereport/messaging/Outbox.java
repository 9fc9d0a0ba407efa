package vn.communereport.messaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;


/**
 * Every message that must reach a person: written in the same transaction as the change that causes it, kept
 * until it is sent, sent by whichever instance holds it. A hold is a lease: a sender that dies before sending
 * leaves its messages to another once the lease runs out. A recipient's messages go out one at a time, in the
 * order they were written: while one is waiting (Telegram down, asked to wait, or still being sent), the later
 * ones wait behind it.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OutboxRepository messages;
    private final Clock clock;
    private final Duration lease;
    /**
     * Leases and retry times are real time, whatever clock the application runs on (tests move theirs by days), and the
     * database's, so that instances whose clocks differ agree on when a lease runs out ({@link DatabaseClock}).
     */
    private final Clock leaseClock;
    /** This instance (the same across its restarts, never another live process's: {@link SenderName}) and this run of it: "instance:run". */
    private final SenderName name;
    private final String instance;
    private final String senderId;

    private final DoneMarks marks;

    private final OutboxRows rows;

    @Autowired
    Outbox(OutboxRepository messages, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
           @Value("${app.outbox.lease:PT1M}") Duration lease, @Value("${app.outbox.mark-delay:PT0.005S}") Duration markDelay,
           @Value("${app.instance-id:}") String instance) {
        this(messages, jdbc, transactions, clock, lease, markDelay, new DatabaseClock(jdbc),
                SenderName.take(instance, SenderName.defaultLockDir(), databaseUrl(jdbc)), UUID.randomUUID().toString().substring(0, 8));
        log.info("The outbox sends as {}", senderId);
    }

    /** A sender named {@code instance} as given, with no lock on the name (tests play several processes so). */
    Outbox(OutboxRepository messages, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, Duration lease,
           Duration markDelay, Clock leaseClock, String instance, String run) {
        this(messages, jdbc, transactions, clock, lease, markDelay, leaseClock, SenderName.unlocked(instance), run);
    }

    Outbox(OutboxRepository messages, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, Duration lease,
           Duration markDelay, Clock leaseClock, SenderName name, String run) {
        this.messages = messages;
        this.rows = new OutboxRows(jdbc);
        this.marks = new DoneMarks(rows, new TransactionTemplate(transactions), markDelay);
        this.clock = clock;
        this.lease = lease;
        this.leaseClock = leaseClock;
        this.name = name;
        this.instance = name.name();
        this.senderId = this.instance + ":" + run;
    }

    private static String databaseUrl(JdbcTemplate jdbc) {
        try {
            String url = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getURL());
            return url == null ? "" : url;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * The host and the folder the bot runs in: the same when it is restarted, different for an instance on another
     * host or folder (two started from one folder of one host get {@code -2} and so on, see {@link SenderName}).
     */
    static String defaultInstance() {
        String host = null;
        try {
            host = Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException | RuntimeException none) {
            // not Linux: the environment may say
        }
        if (host == null || host.isEmpty()) {
            host = System.getenv().getOrDefault("COMPUTERNAME", System.getenv().getOrDefault("HOSTNAME", "host"));
        }
        String folder = Integer.toHexString(Path.of("").toAbsolutePath().toString().hashCode());
        return (host.length() > 38 ? host.substring(0, 38) : host) + "/" + folder;
    }

    /**
     * A message in the outbox. {@code sendNow}: this process holds it and should send it at once; otherwise an
     * earlier message to the same recipient is still waiting and this one waits behind it (the drainer sends it).
     */
    public record Queued(long id, Outbound message, boolean sendNow) {
    }

    /**
     * Writes what one turn says, in the caller's transaction (there must be one: the messages stand or fall with
     * the change that caused them). Messages whose recipient has nothing waiting are held by this process, so no
     * other sender takes them while the caller sends them right after its commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Queued> record(List<Outbound> outbound) {
        marks.writeQueued(); // this commit writes the marks of what was sent meanwhile, at no cost of its own
        syncLeaseClock();
        if (outbound.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        outbound.forEach(m -> keys.add(OutboxMessage.keyOf(m.to())));
        Set<String> waiting = new HashSet<>();
        for (OutboxRows.Waiting row : rows.waiting(keys)) {
            if (!marks.unwritten(row.id())) {
                waiting.add(row.recipientKey());
            }
        }
        Instant now = clock.instant();
        Instant until = leaseClock.instant().plus(lease);
        List<Queued> queued = new ArrayList<>(outbound.size());
        for (Outbound message : outbound) {
            boolean sendNow = !waiting.contains(OutboxMessage.keyOf(message.to()));
            long id = sendNow ? rows.insert(message, now, senderId, until) : rows.insert(message, now, null, null);
            queued.add(new Queued(id, message, sendNow));
        }
        return queued;
    }

    /**
     * This instance's name, the same across its restarts and never another live process's ({@link SenderName}): other
     * leases this instance holds (the webhook's recorded updates) are named after it, so a restart can take them over too.
     */
    public String instanceName() {
        return instance;
    }

    /** Writes messages for the drainer to send (reminders, summaries): nobody holds them. */
    @Transactional
    public void enqueue(List<Outbound> outbound) {
        Instant now = clock.instant();
        outbound.forEach(m -> messages.save(new OutboxMessage(m, now)));
    }

    /**
     * Frees what an earlier run of this instance held and may not have sent: that run is over (this is the
     * instance, started again: no live process has its name, see {@link SenderName}), so there is no need to wait
     * for its leases to run out. Other instances' messages wait for their leases. Returns how many.
     */
    @Transactional
    public int takeOverFromEarlierRuns() {
        String prefix = instance.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ":%";
        return messages.releaseOthers(prefix, senderId);
    }

    /** Takes up to {@code max} messages that may go now, at most one per recipient, oldest first. */
    @Transactional
    public List<Queued> claim(int max) {
        marks.writeQueued(); // what was sent since the last round is no longer in its recipients' way
        syncLeaseClock();
        Instant now = leaseClock.instant();
        List<Queued> claimed = new ArrayList<>();
        for (Long id : messages.dueHeads(now, PageRequest.of(0, max))) {
            if (messages.claim(id, senderId, now.plus(lease), now) == 1) {
                claimed.add(new Queued(id, messages.findById(id).orElseThrow().toOutbound(), true));
            }
        }
        return claimed;
    }

    /**
     * Sent; {@code channelMessageRef} is how the channel names the message it delivered (Telegram: "chat:message").
     * Written within milliseconds, with other marks or with the next write to the outbox (see {@link DoneMarks}).
     */
    public void markSent(long id, String channel, String channelMessageRef) {
        marks.add(new DoneMarks.Mark(id, clock.instant(), "SENT", channel, channelMessageRef));
    }

    /** Done with without being delivered, for a reason that will not change by trying again (blocked, refused). */
    public void markDone(long id, String outcome) {
        marks.add(new DoneMarks.Mark(id, clock.instant(), outcome, null, null));
    }

    /** The database's time is asked for at most once a minute. */
    private void syncLeaseClock() {
        if (leaseClock instanceof DatabaseClock database) {
            database.sync();
        }
    }

    /** Writes the marks not written yet, now. */
    void flushMarks() {
        marks.flush();
    }

    /** The application is stopping: what was sent is marked before the database goes. */
    @PreDestroy
    void close() {
        marks.close();
        name.close();
    }

    /** Gives messages this process holds back to the outbox, to be taken again {@code after} this long (zero: at once). */
    @Transactional
    public void release(Collection<Long> ids, Duration after) {
        if (!ids.isEmpty()) {
            messages.release(ids, senderId, after.isZero() ? null : leaseClock.instant().plus(after));
        }
    }

    /** The topic of the message the bot sent that the channel names {@code channelMessageRef}, if it had one. */
    @Transactional(readOnly = true)
    public Optional<String> topicOf(String channel, String channelMessageRef) {
        if (channel == null || channelMessageRef == null) {
            return Optional.empty();
        }
        List<String> topics = messages.topicsOf(channel, channelMessageRef, PageRequest.of(0, 1));
        return topics.isEmpty() ? Optional.empty() : Optional.ofNullable(topics.get(0));
    }

    /** Messages not done with yet (waiting, or being sent). */
    public long pending() {
        marks.flush();
        return messages.countBySentAtIsNull();
    }
}
