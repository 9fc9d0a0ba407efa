package vn.communereport.province.summary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.messaging.Texts;
import vn.communereport.province.definition.ProvinceDefinition;
import vn.communereport.province.progress.CommuneStatus;
import vn.communereport.province.progress.ProvinceProgress;
import vn.communereport.report.GeneratedFile;
import vn.communereport.report.ReportCompiler;

/**
 * The province summary of a report's period: the XLSX table with one column per commune and the province's total, and
 * every commune's compiled DOCX (a draft while parts are missing) in one ZIP, made by the report module as the commune's
 * own office gets it.
 */
@Service
public class ProvinceSummary {

    public static final String ZIP_TYPE = "application/zip";

    /** The two files, and which communes the totals count. */
    public record Summary(GeneratedFile xlsx, GeneratedFile zip, List<CommuneStatus> communes, int counted) {
    }

    private final ProvinceProgress progress;
    private final CollectionService collection;
    private final ReportCompiler compiler;
    private final Texts texts;

    ProvinceSummary(ProvinceProgress progress, CollectionService collection, ReportCompiler compiler, Texts texts) {
        this.progress = progress;
        this.collection = collection;
        this.compiler = compiler;
        this.texts = texts;
    }

    @Transactional(readOnly = true)
    public Summary build(ProvinceDefinition province, ReportDefinition report, PeriodKey key) {
        List<CommuneStatus> statuses = progress.of(province, report, key);
        List<SummaryColumn> columns = new ArrayList<>();
        for (CommuneStatus status : statuses) {
            CommuneFigures figures = status.complete()
                    ? new CommuneFigures(report, collection.periodAnswers(status.period().getId())) : null;
            columns.add(new SummaryColumn(status, figures));
        }
        int counted = (int) columns.stream().filter(SummaryColumn::counted).count();
        String base = report.code().toUpperCase(Locale.ROOT) + "_" + key.fileCode() + "_" + camel(province.code());
        String title = texts.get("province.xlsx.title", report.name().toUpperCase(Texts.VIETNAMESE),
                key.label().toUpperCase(Texts.VIETNAMESE), province.name().toUpperCase(Texts.VIETNAMESE));
        String subtitle = texts.get("province.xlsx.subtitle", counted, statuses.size());
        byte[] table = new SummaryWorkbook(texts).write(report, title, subtitle, columns);
        GeneratedFile xlsx = new GeneratedFile(texts.get("province.file.table", base), table,
                texts.get("province.caption.table", report.name(), key.label(), province.name(), counted, statuses.size()));
        int documents = 0;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Set<String> names = new HashSet<>();
            for (CommuneStatus status : statuses) {
                if (status.period() == null) {
                    continue;
                }
                GeneratedFile docx = compiler.document(status.period(), null);
                String name = names.add(docx.fileName()) ? docx.fileName() : status.commune().code() + "_" + docx.fileName();
                names.add(name);
                zip.putNextEntry(new ZipEntry(name));
                zip.write(docx.content());
                zip.closeEntry();
                documents++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GeneratedFile zip = new GeneratedFile(texts.get("province.file.documents", base), bytes.toByteArray(),
                texts.get("province.caption.documents", documents, statuses.size()));
        return new Summary(xlsx, zip, statuses, counted);
    }

    /** "lai-chau" → "LaiChau", as commune file codes are written. */
    static String camel(String code) {
        StringBuilder out = new StringBuilder();
        for (String part : code.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
