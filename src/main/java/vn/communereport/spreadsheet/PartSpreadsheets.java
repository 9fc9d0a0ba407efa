package vn.communereport.spreadsheet;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.acting.ActingScopes;
import vn.communereport.answering.KeptReason;

/**
 * A department's part as a spreadsheet, for any channel: the template of the open period to fill in Excel or
 * LibreOffice, and the import of the filled file, row by row through the answer pipeline. Knows nothing of HTTP or
 * Telegram: a channel hands in a member's id and the file's bytes and shows the result's text or rows.
 *
 * <p>Limits: a file of at most {@code app.spreadsheet.max-upload-bytes} (5 MB by default) and, inside, what
 * {@link ZipGuard} allows. A file whose figures have warnings is kept (one per member, for
 * {@code app.spreadsheet.hold}, 24 hours by default) so that its sender can confirm them by reference.
 */
@Service
public class PartSpreadsheets {

    private static final String TOKEN_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int TOKEN_LENGTH = 16;

    private final AccessService access;
    private final ActingScopes scopes;
    private final PeriodService periods;
    private final CollectionService collection;
    private final SheetImport imports;
    private final ResultText results;
    private final SheetTexts texts;
    private final HeldSpreadsheetRepository held;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final long maxUploadBytes;
    private final Duration hold;
    private final SecureRandom random = new SecureRandom();

    PartSpreadsheets(AccessService access, ActingScopes scopes, PeriodService periods, CollectionService collection,
                     SheetImport imports, ResultText results, SheetTexts texts, HeldSpreadsheetRepository held,
                     TransactionTemplate transactions, Clock clock,
                     @Value("${app.spreadsheet.max-upload-bytes:5242880}") long maxUploadBytes,
                     @Value("${app.spreadsheet.hold:PT24H}") Duration hold) {
        this.access = access;
        this.scopes = scopes;
        this.periods = periods;
        this.collection = collection;
        this.imports = imports;
        this.results = results;
        this.texts = texts;
        this.held = held;
        this.transactions = transactions;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
        this.hold = hold;
    }

    /** The largest file an import takes; a channel refuses a bigger one before fetching it. */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** The member's department's template for the open period, or why there is none. */
    public TemplateOutcome template(long memberId) {
        return transactions.execute(status -> {
            Optional<Member> member = access.byId(memberId).filter(Member::isActive);
            // The report the member acts in: one they chose, or the only one open (never one picked for them).
            Optional<ReportScope> scope = member.flatMap(scopes::scopeOf);
            if (scope.isEmpty()) {
                return TemplateOutcome.refused(texts.get("sheet.refused.header", "", texts.get(member.isPresent() ? "communes.choose-report-first" : "sheet.refused.no-part")));
            }
            Optional<Flow> flow = scope.get().flowOf(member.get().getDepartmentCode());
            if (flow.isEmpty()) {
                return TemplateOutcome.refused(texts.get("sheet.template.no-part", scope.get().office()));
            }
            ReportingPeriod period = periods.currentPeriod(scope.get());
            if (!period.isOpen()) {
                return TemplateOutcome.refused(texts.get("sheet.template.closed", period.key().label(), scope.get().office()));
            }
            String department = scope.get().department(flow.get().departmentCode()).name();
            if (collection.isSubmitted(period.getId(), flow.get().departmentCode())) {
                return TemplateOutcome.refused(texts.get("sheet.template.submitted", department, period.key().label(), scope.get().office()));
            }
            return TemplateOutcome.ready(file(scope.get(), flow.get(), period, department));
        });
    }

    private SheetFile file(ReportScope scope, Flow flow, ReportingPeriod period, String department) {
        List<String> ids = flow.questions().stream().map(Question::id).toList();
        Map<String, Answer> current = collection.departmentAnswers(period.getId(), flow.departmentCode());
        Optional<ReportingPeriod> before = periods.previous(period);
        Map<String, AnswerValue> previous = new HashMap<>();
        before.ifPresent(p -> collection.answers(p.getId(), ids).forEach((id, answer) -> previous.put(id, answer.value())));
        String reportAndPeriod = scope.report().name() + " " + period.key().label();
        TemplateWriter.Content content = new TemplateWriter.Content(
                new SheetIdentity(scope.communeCode(), scope.report().code(), period.key().key(), period.getId(), flow.departmentCode()),
                department, texts.get("sheet.subtitle", scope.report().name(), period.key().label(), scope.commune().name()),
                before.map(p -> p.key().label()).orElse(null), PartLayout.figures(scope.report(), flow),
                PartLayout.narratives(scope.report(), flow, new TitleNames(scope.commune(), period.key())), current, previous);
        byte[] bytes = new TemplateWriter(texts).write(content);
        String name = texts.get("sheet.file") + "_" + scope.report().code().toUpperCase(java.util.Locale.ROOT) + "_"
                + period.key().fileCode() + "_" + scope.commune().fileCode() + "_" + camel(flow.departmentCode()) + ".xlsx";
        return new SheetFile(name, bytes, texts.get("sheet.caption", department, reportAndPeriod));
    }

    /**
     * Imports a filled template for the member: row by row, or refused whole with nothing stored. The figures with
     * warnings are listed and, without {@code confirmWarnings}, the file is kept for {@link #confirm}; they are stored
     * only with a reason (the overload that takes one), never with {@code confirmWarnings} alone.
     */
    public ImportResult importFile(long memberId, String fileName, byte[] file, boolean confirmWarnings) {
        return importFile(memberId, fileName, file, confirmWarnings, null);
    }

    /**
     * Imports a filled template with its figures with warnings kept, for one reason given for all of them (stored with
     * each one's change); a reason that cannot be taken leaves them waiting, as without confirmation.
     */
    public ImportResult importFile(long memberId, String fileName, byte[] file, String keptReason) {
        return importFile(memberId, fileName, file, true, keptReason);
    }

    private ImportResult importFile(long memberId, String fileName, byte[] file, boolean confirmWarnings, String reason) {
        String name = fileName == null || fileName.isBlank() ? texts.get("sheet.file") + ".xlsx" : fileName;
        if (file.length > maxUploadBytes) {
            return refused(name, new Refusal("sheet.refused.too-large", megabytes(file.length), megabytes(maxUploadBytes)));
        }
        // Inside a caller's transaction (the chat's turn) a race must reach the caller, which retries the whole turn.
        boolean joined = TransactionSynchronizationManager.isActualTransactionActive();
        try {
            return transactions.execute(status -> {
                Optional<Member> member = access.byId(memberId).filter(Member::isActive);
                Optional<ReportScope> scope = member.flatMap(scopes::scopeOf);
                if (scope.isEmpty()) {
                    return refused(name, new Refusal(member.isPresent() ? "communes.choose-report-first" : "sheet.refused.no-part"));
                }
                SheetImport.Outcome outcome = imports.run(member.get(), scope.get(), file, confirmWarnings, reason);
                if (outcome.refusal() != null) {
                    return refused(name, outcome.refusal());
                }
                boolean warned = outcome.rows().stream().anyMatch(r -> r.status() == RowResult.Status.NEEDS_CONFIRMATION);
                String reference = warned && !confirmWarnings ? holdFor(member.get(), name, file) : null;
                return new ImportResult(name, null, outcome.rows(), reference, results.text(name, outcome.rows(), reference != null));
            });
        } catch (ConcurrencyFailureException | DataIntegrityViolationException raced) {
            if (joined) {
                throw raced;
            }
            return refused(name, new Refusal("sheet.refused.busy"));
        }
    }

    /** The same without a file name (the answer then names the file by the template's own name). */
    public ImportResult importFile(long memberId, byte[] file, boolean confirmWarnings) {
        return importFile(memberId, null, file, confirmWarnings);
    }

    /**
     * Imports again, with its warnings confirmed, the file an earlier import kept under this reference; only its
     * sender can, once, within the hold time and while no newer file replaced it.
     */
    public ImportResult confirm(long memberId, String reference, String keptReason) {
        Optional<String> problem = KeptReason.problem(keptReason);
        if (problem.isPresent()) {
            // the file stays kept: the person gives a better reason and confirms again
            String text = texts.get(problem.get(), KeptReason.MIN_LENGTH, KeptReason.MAX_LENGTH);
            return new ImportResult(texts.get("sheet.file") + ".xlsx", text, List.of(), holds(memberId, reference) ? reference : null, text);
        }
        Optional<HeldSpreadsheet> found = transactions.execute(status -> take(memberId, reference));
        if (found.isEmpty()) {
            return refused(texts.get("sheet.file") + ".xlsx", new Refusal("sheet.refused.confirmation-gone", hold.toHours()));
        }
        return importFile(memberId, found.get().getFileName(), found.get().getContent(), keptReason);
    }

    /** Whether this reference is a file kept for this member's confirmation and still good; nothing is taken. */
    public boolean holds(long memberId, String reference) {
        return Boolean.TRUE.equals(transactions.execute(status -> find(memberId, reference)
                .filter(row -> row.getCreatedAt().plus(hold).isAfter(clock.instant())).isPresent()));
    }

    /** The kept file if the reference is the member's and still good; it is removed either way once read. */
    private Optional<HeldSpreadsheet> take(long memberId, String reference) {
        Optional<HeldSpreadsheet> row = find(memberId, reference);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        held.delete(row.get());
        boolean fresh = row.get().getCreatedAt().plus(hold).isAfter(clock.instant());
        return fresh ? row : Optional.empty();
    }

    /** The kept file this reference names, if it is the member's (the token compared in constant time). */
    private Optional<HeldSpreadsheet> find(long memberId, String reference) {
        int dash = reference == null ? -1 : reference.indexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(reference.substring(0, dash));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<HeldSpreadsheet> row = held.findById(id);
        if (row.isEmpty() || row.get().getMemberId() != memberId || !MessageDigest.isEqual(
                row.get().getToken().getBytes(StandardCharsets.US_ASCII), reference.substring(dash + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return row;
    }

    /** Keeps the file for its sender's confirmation, in place of any earlier one of theirs. */
    private String holdFor(Member member, String fileName, byte[] file) {
        held.deleteAll(held.findByMemberId(member.getId()));
        StringBuilder token = new StringBuilder(TOKEN_LENGTH);
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        String name = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        return held.saveAndFlush(new HeldSpreadsheet(member.getCommuneCode(), member.getId(), token.toString(), name, file,
                clock.instant())).reference();
    }

    private ImportResult refused(String fileName, Refusal refusal) {
        String text = results.refusal(fileName, refusal);
        return new ImportResult(fileName, text, List.of(), null, text);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.forLanguageTag("vi-VN"), "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** "van-hoa-xa-hoi" → "VanHoaXaHoi" */
    private static String camel(String code) {
        StringBuilder out = new StringBuilder();
        for (String part : code.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
