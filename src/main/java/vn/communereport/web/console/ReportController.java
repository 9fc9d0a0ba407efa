package vn.communereport.web.console;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.Timeliness;
import vn.communereport.report.GeneratedFile;
import vn.communereport.report.ReportCompiler;

/** The compiled report: what the figure checks found, and the DOCX and XLSX compiled from the answers as they are now. */
@Controller
@RequestMapping("/app/office/report")
class ReportController {

    private final ConsolePages pages;
    private final ConsoleViews views;
    private final ReportCompiler reports;
    private final PeriodService periods;
    private final CollectionService collection;
    private final Timeliness timeliness;

    /** One department's on-time record, for the check page. */
    record OnTimeView(String name, int onTime, int due) {
    }

    ReportController(ConsolePages pages, ConsoleViews views, ReportCompiler reports, PeriodService periods,
                     CollectionService collection, Timeliness timeliness) {
        this.timeliness = timeliness;
        this.pages = pages;
        this.views = views;
        this.reports = reports;
        this.periods = periods;
        this.collection = collection;
    }

    @GetMapping
    String report(OfficeAdmin admin, Model model) {
        ReportingPeriod period = pages.page(model, admin, "report", null, null);
        long submitted = collection.submittedCount(period.getId(), admin.scope().owingDepartments());
        model.addAttribute("submitted", submitted);
        model.addAttribute("parts", admin.scope().owingDepartments().size());
        model.addAttribute("findings", views.checks(reports.checks(period)));
        List<OnTimeView> onTime = timeliness.lastPeriods(admin.scope().communeCode(), admin.scope().report().code(),
                        admin.scope().owingDepartments(), Timeliness.LAST_PERIODS).values().stream()
                .filter(r -> r.due() > 0)
                .map(r -> new OnTimeView(admin.scope().department(r.departmentCode()).name(), r.onTime(), r.due())).toList();
        model.addAttribute("onTime", onTime);
        return "console/report";
    }

    @GetMapping("/docx")
    ResponseEntity<byte[]> docx(OfficeAdmin admin) {
        return download(reports.compile(periods.currentPeriod(admin.scope()), null).docx());
    }

    @GetMapping("/xlsx")
    ResponseEntity<byte[]> xlsx(OfficeAdmin admin) {
        return download(reports.compile(periods.currentPeriod(admin.scope()), null).xlsx());
    }

    private static ResponseEntity<byte[]> download(GeneratedFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }
}
