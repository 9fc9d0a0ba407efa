package vn.communereport.report;

import java.time.LocalDate;

import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.Wording;

/** The report's particulars as printed: its number, place and date, opening paragraph and titles. */
final class ReportParticulars {

    private final Wording texts;
    private final CommuneDefinition commune;
    private final ReportDefinition report;
    private final PeriodKey period;
    private final LocalDate reportDate;
    private final LocalDate today;
    private final TemplateText templates;

    ReportParticulars(Wording texts, CommuneDefinition commune, ReportDefinition report, PeriodKey period,
                      LocalDate reportDate, LocalDate today, TemplateText templates) {
        this.texts = texts;
        this.commune = commune;
        this.report = report;
        this.period = period;
        this.reportDate = reportDate;
        this.today = today;
        this.templates = templates;
    }

    /** "Số:       /BC-UBND" with the number left blank for the office to write in. */
    String documentNumber() {
        return commune.documentNumber().replace("{so}", "       ");
    }

    /** "…/BC-UBND" for the annex reference. */
    String documentNumberReference() {
        String number = commune.documentNumber().replace("{so}", "…");
        int colon = number.indexOf(':');
        return (colon >= 0 ? number.substring(colon + 1) : number).trim();
    }

    /** "Bình Lư, ngày 05 tháng 01 năm 2026"; undated: "Bình Lư, ngày      tháng 6 năm 2026". */
    String placeAndDate() {
        if (reportDate == null) {
            return texts.get("report.place-and-date.undated", commune.place(), month(today.getMonthValue()),
                    String.valueOf(today.getYear()));
        }
        return texts.get("report.place-and-date", commune.place(), String.format("%02d", reportDate.getDayOfMonth()),
                month(reportDate.getMonthValue()), String.valueOf(reportDate.getYear()));
    }

    private static String month(int month) {
        return month <= 2 ? String.format("%02d", month) : String.valueOf(month);
    }

    /** "05/01/2026", or "…" when not dated yet. */
    String shortDate() {
        return reportDate == null ? "…" : String.format("%02d/%02d/%d", reportDate.getDayOfMonth(), reportDate.getMonthValue(), reportDate.getYear());
    }

    /** "(Kèm theo Báo cáo số …/BC-UBND ngày … của UBND xã Bình Lư)" */
    String annexReference() {
        return texts.get("report.annex.reference", documentNumberReference(), shortDate(), commune.issuingBodyShort());
    }

    /** The first paragraph: the commune's own opening for this report (citing its province's document), or the report's. */
    String opening() {
        return templates.fill(commune.opening(report));
    }

    /** "Báo cáo cải cách hành chính 6 tháng đầu năm 2026" */
    String reportAndPeriod() {
        return texts.get("report.name-and-period", report.name(), period.label());
    }

    String tableTitle() {
        return templates.fill(report.tableTitle());
    }
}
