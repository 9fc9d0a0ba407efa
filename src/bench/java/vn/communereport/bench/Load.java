package vn.communereport.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * Many simulated members, each answering their department's flow like a person (as FlowDriver does), all driven by
 * one thread from the stand-in's message listener: no thread waits per member. Each member has one update in flight:
 * it acts, waits for the bot's answer to that action, thinks, acts again. Records, per update, the time from
 * getUpdates handing the update out to the first bot message in that chat.
 */
final class Load {

    private static final Pattern HEADER = Pattern.compile("Câu (\\d+)/(\\d+)");

    /** What one member does next, given the message they were waiting for (null at the very start). */
    interface Script {
        /** Performs the next action and returns it, or null when the member is done. */
        Action next(FakeUser user, SentMessage awaited);
    }

    /** An action taken: its update and what answer to wait for. */
    record Action(long updateId, Predicate<SentMessage> awaits) {
    }

    /** The outcome of one round. */
    record Result(String label, int members, int updates, long firstActionNanos, long lastReplyNanos,
                  Stats servedToReply, Stats actionToReply, Stats actionToAwaited, List<String> problems) {

        double seconds() {
            return (lastReplyNanos - firstActionNanos) / 1e9;
        }

        double updatesPerSecond() {
            return updates / seconds();
        }

        String line() {
            return String.format(Locale.ROOT, "%-28s members=%3d updates=%5d time=%6.2f s  %7.1f updates/s  served→reply median %.2f ms p99 %.2f ms"
                            + "  (action→reply median %.2f ms p99 %.2f ms)%s",
                    label, members, updates, seconds(), updatesPerSecond(), servedToReply.medianMs(), servedToReply.p99Ms(),
                    actionToReply.medianMs(), actionToReply.p99Ms(), problems.isEmpty() ? "" : "  PROBLEMS: " + problems);
        }
    }

    private final FakeBotApi api;
    private final ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-driver");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Member> byChat = new ConcurrentHashMap<>();
    private final FakeBotApi.BotMessageListener listener;

    Load(FakeBotApi api) {
        this.api = api;
        this.listener = message -> {
            Member member = byChat.get(message.chatId());
            if (member != null) {
                driver.execute(() -> member.arrived(message));
            }
        };
        api.addBotMessageListener(listener);
    }

    private final class Member {
        final FakeUser user;
        final Script script;
        final RoundState round;
        long pendingUpdate = -1;
        long actionNanos;
        boolean replied;
        Predicate<SentMessage> awaits;
        boolean done;

        Member(FakeUser user, Script script, RoundState round) {
            this.user = user;
            this.script = script;
            this.round = round;
        }

        void act(SentMessage awaited) {
            if (round.stopAtNanos > 0 && System.nanoTime() >= round.stopAtNanos) {
                finish();
                return;
            }
            Action action;
            try {
                action = script.next(user, awaited);
            } catch (RuntimeException | AssertionError e) {
                round.problems.add(user + ": " + e.getMessage());
                finish();
                return;
            }
            if (action == null) {
                finish();
                return;
            }
            actionNanos = System.nanoTime();
            if (round.firstActionNanos == 0) {
                round.firstActionNanos = actionNanos;
            }
            pendingUpdate = action.updateId();
            replied = false;
            awaits = action.awaits();
            round.lastProgressNanos = actionNanos;
        }

        void arrived(SentMessage message) {
            if (done || pendingUpdate < 0) {
                return;
            }
            if (!replied) {
                long served = api.servedNanos(pendingUpdate);
                if (served > 0 && message.arrivedNanos() >= served) {
                    round.servedToReply.add(message.arrivedNanos() - served);
                    round.actionToReply.add(message.arrivedNanos() - actionNanos);
                    replied = true;
                }
            }
            if (awaits != null && awaits.test(message)) {
                round.actionToAwaited.add(message.arrivedNanos() - actionNanos);
                awaits = null;
                pendingUpdate = -1;
                round.updates++;
                round.lastReplyNanos = message.arrivedNanos();
                round.lastProgressNanos = System.nanoTime();
                long think = round.think.nextMillis();
                if (think <= 0) {
                    act(message);
                } else {
                    driver.schedule(() -> act(message), think, TimeUnit.MILLISECONDS);
                }
            }
        }

        void finish() {
            if (!done) {
                done = true;
                round.remaining.countDown();
            }
        }
    }

    /** Think time between receiving the awaited answer and acting again. */
    record Think(long minMillis, long maxMillis, Random random) {
        static Think none() {
            return new Think(0, 0, new Random(1));
        }

        long nextMillis() {
            return maxMillis <= 0 ? 0 : minMillis + (long) (random.nextDouble() * (maxMillis - minMillis));
        }
    }

    private static final class RoundState {
        final Think think;
        final long stopAtNanos;
        final CountDownLatch remaining;
        final List<Long> servedToReply = new ArrayList<>();
        final List<Long> actionToReply = new ArrayList<>();
        /** From an action to the message the member waited for (the next question, say): how long a person waits. */
        final List<Long> actionToAwaited = new ArrayList<>();
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        int updates;
        long firstActionNanos;
        long lastReplyNanos;
        volatile long lastProgressNanos = System.nanoTime();

        RoundState(Think think, long stopAtNanos, int members) {
            this.think = think;
            this.stopAtNanos = stopAtNanos;
            this.remaining = new CountDownLatch(members);
        }
    }

    /**
     * Runs one round: every member starts at once (their first action spread over the think time), and the round ends
     * when every member is done, or, with a duration, when the time is up and every action in flight is answered.
     */
    Result run(String label, Map<FakeUser, Script> members, Think think, Duration duration, Duration stallTimeout) {
        RoundState round = new RoundState(think, duration == null ? 0 : System.nanoTime() + duration.toNanos(), members.size());
        List<Member> all = new ArrayList<>();
        members.forEach((user, script) -> {
            Member member = new Member(user, script, round);
            byChat.put(user.chatId(), member);
            all.add(member);
        });
        for (Member member : all) {
            long delay = think.nextMillis();
            driver.schedule(() -> member.act(null), delay, TimeUnit.MILLISECONDS);
        }
        try {
            while (!round.remaining.await(1, TimeUnit.SECONDS)) {
                if (System.nanoTime() - round.lastProgressNanos > stallTimeout.toNanos()) {
                    List<String> stuck = new ArrayList<>();
                    driver.submit(() -> all.stream().filter(m -> !m.done).limit(5)
                            .forEach(m -> stuck.add(m.user + " waiting since update " + m.pendingUpdate + ", last: "
                                    + (m.user.messages().isEmpty() ? "-" : m.user.lastMessage())))).get();
                    round.problems.add("stalled: " + round.remaining.getCount() + " members not done, e.g. " + stuck);
                    break;
                }
            }
            // everything recorded by the driver thread before reading it here
            driver.submit(() -> { }).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        all.forEach(m -> byChat.remove(m.user.chatId()));
        api.clearCalls(); // the stand-in records every call; a long run only needs the current round's
        return new Result(label, members.size(), round.updates, round.firstActionNanos, round.lastReplyNanos,
                new Stats(round.servedToReply), new Stats(round.actionToReply), new Stats(round.actionToAwaited), List.copyOf(round.problems));
    }

    void close() {
        api.removeBotMessageListener(listener);
        driver.shutdownNow();
    }

    // ------------------------------------------------------------------ scripts

    static boolean isQuestion(SentMessage m) {
        return HEADER.matcher(m.text()).find();
    }

    /**
     * The real bot: /start, every question of the flow as FlowDriver answers it (a figure refused by a rule is
     * corrected, a warning confirmed with a reason), then review, submit, confirm. Records what it sent in {@code plan}, so that
     * the echo bot can be sent exactly the same updates.
     */
    static Script department(Flow flow, Map<String, String> seedTable, List<String> plan) {
        return new Script() {
            boolean started;
            boolean confirming;
            boolean submitted;
            Question drafting;
            Question answered;

            private Action text(FakeUser user, String text, Predicate<SentMessage> awaits) {
                plan.add("T" + text);
                return new Action(user.sends(text), awaits);
            }

            private Action press(FakeUser user, String data, Predicate<SentMessage> awaits) {
                plan.add("B");
                return new Action(user.presses(data), awaits);
            }

            private Predicate<SentMessage> next(Question question) {
                return m -> isQuestion(m) || m.hasButton("sub") || (question != null && m.hasButton("wy|" + question.id()));
            }

            @Override
            public Action next(FakeUser user, SentMessage awaited) {
                if (!started) {
                    plan.clear();
                    started = true;
                    return text(user, "/start", next(null));
                }
                if (submitted) {
                    return null;
                }
                if (confirming) {
                    submitted = true;
                    String confirm = awaited.buttonData().stream().filter(d -> d.startsWith("subok|")).findFirst().orElseThrow();
                    return press(user, confirm, m -> m.text().contains("Đã nộp phần"));
                }
                if (drafting != null) {
                    String id = drafting.id();
                    drafting = null;
                    return press(user, "d|" + id, next(null));
                }
                if (answered != null && awaited.hasButton("wy|" + answered.id())) {
                    String id = answered.id();
                    return press(user, "wy|" + id, m -> next(null).test(m) || m.hasButton("wn|" + id));
                }
                if (answered != null && awaited.hasButton("wn|" + answered.id())) {
                    // A warning kept asks for a short reason (issue 14), as a clerk would give one.
                    return text(user, "Kế hoạch được bổ sung trong kỳ", next(null));
                }
                Matcher header = HEADER.matcher(awaited.text());
                if (header.find()) {
                    Question question = flow.questions().get(Integer.parseInt(header.group(1)) - 1);
                    if (question.equals(answered) && awaited.text().contains("Số liệu không hợp lệ")) {
                        // As in EndToEndTelegramTest: the seed's 2.677 on-time files exceed the 2.647 resolved.
                        return text(user, question.fills().ref().startsWith("III.3.2.2") ? "2.647" : "0", next(question));
                    }
                    answered = question;
                    String answer = Answers.typed(question, seedTable);
                    if (question.type() == QuestionType.NARRATIVE) {
                        drafting = question;
                        return text(user, answer, m -> m.text().contains("Đã lưu bản nháp"));
                    }
                    if (question.type() == QuestionType.YESNO) {
                        return press(user, "ch|" + question.id() + ":" + ("1".equals(answer) ? "1" : "0"), next(question));
                    }
                    if (answer.isEmpty()) {
                        return press(user, "s|" + question.id(), next(question));
                    }
                    return text(user, answer, next(question));
                }
                if (awaited.hasButton("sub")) {
                    confirming = true;
                    return press(user, "sub", m -> m.text().contains("Xác nhận nộp"));
                }
                throw new AssertionError("unexpected message: " + awaited);
            }
        };
    }

    /** Replays, against the echo bot, the texts and presses a member sent the real bot. */
    static Script echo(List<String> plan) {
        List<String> steps = List.copyOf(plan);
        if (steps.isEmpty()) {
            throw new IllegalStateException("run the real bot's round first: the echo replays its updates");
        }
        return new Script() {
            int next;

            @Override
            public Action next(FakeUser user, SentMessage awaited) {
                if (next >= steps.size()) {
                    return null;
                }
                String step = steps.get(next++);
                long updateId = step.startsWith("T") ? user.sends(step.substring(1)) : user.presses("e");
                return new Action(updateId, m -> true);
            }
        };
    }

    /** Scripts for the real bot's members; each records its updates in {@code plans} (by chat). */
    static Map<FakeUser, Script> real(Map<FakeUser, Flow> flows, Map<String, String> seedTable, Map<Integer, List<String>> plans) {
        Map<FakeUser, Script> scripts = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<FakeUser, Flow> e : flows.entrySet()) {
            List<String> plan = plans.computeIfAbsent(i++, k -> Collections.synchronizedList(new ArrayList<>()));
            scripts.put(e.getKey(), department(e.getValue(), seedTable, plan));
        }
        return scripts;
    }

    /** Scripts for the echo bot's members, replaying the plans the real bot's members recorded. */
    static Map<FakeUser, Script> echo(List<FakeUser> users, Map<Integer, List<String>> plans) {
        Map<FakeUser, Script> scripts = new LinkedHashMap<>();
        for (int i = 0; i < users.size(); i++) {
            scripts.put(users.get(i), echo(plans.get(i)));
        }
        return scripts;
    }
}
