package vn.communereport.web.console;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.NativeWebRequest;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.acting.ActingScopes;
import vn.communereport.definition.ReportScope;
import vn.communereport.web.WebPrincipal;

/**
 * The report the console works on, chosen as {@code /baocao} chooses it in the chat: one choice per person, kept for
 * both channels. Reachable while no report is chosen yet (every other console page then sends the office here).
 */
@Controller
@RequestMapping("/app/office/report-choice")
class ReportChoiceController {

    record Choice(String code, String name, boolean current) {
    }

    private final AccessService access;
    private final ActingScopes scopes;

    ReportChoiceController(AccessService access, ActingScopes scopes) {
        this.access = access;
        this.scopes = scopes;
    }

    @GetMapping
    String choices(NativeWebRequest request, Model model) {
        WebPrincipal principal = OfficeAdminResolver.principal(request);
        Member member = OfficeAdminResolver.administrator(access, principal);
        ActingScopes.Resolution resolution = scopes.resolve(member);
        String current = resolution.scope().map(ReportScope::reportCode).orElse(null);
        List<Choice> choices = scopes.choices(member).stream()
                .map(s -> new Choice(s.reportCode(), s.report().name(), s.reportCode().equals(current))).toList();
        model.addAttribute("choices", choices);
        model.addAttribute("csrf", principal.csrfToken());
        model.addAttribute("mustChoose", resolution.mustChoose());
        return "console/report-choice";
    }

    @PostMapping
    String choose(NativeWebRequest request, @RequestParam String report) {
        Member member = OfficeAdminResolver.administrator(access, OfficeAdminResolver.principal(request));
        if (scopes.choose(member, report).isEmpty()) {
            throw new ConsoleRefusal(HttpStatus.BAD_REQUEST, "console.report-choice.unknown");
        }
        return "redirect:/app/office?done=report";
    }
}
