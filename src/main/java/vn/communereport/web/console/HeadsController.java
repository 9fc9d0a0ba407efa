package vn.communereport.web.console;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.communereport.access.DepartmentHeads;
import vn.communereport.access.Member;
import vn.communereport.conversation.HeadDesk;
import vn.communereport.conversation.OfficeDesk;
import vn.communereport.messaging.Outbox;

/**
 * The office names a member head of their department, or removes a head, from the members page: the chat's own use
 * case ({@link HeadDesk}), with the messages it causes written to the outbox in the same transaction.
 */
@Controller
@RequestMapping("/app/office")
class HeadsController {

    private final ConsolePages pages;
    private final HeadDesk desk;
    private final Outbox outbox;

    HeadsController(ConsolePages pages, HeadDesk desk, Outbox outbox) {
        this.pages = pages;
        this.desk = desk;
        this.outbox = outbox;
    }

    @PostMapping("/members/{id}/head")
    @Transactional
    public String name(OfficeAdmin admin, @PathVariable long id, @RequestParam(name = FormOnce.FIELD, required = false) String once) {
        pages.once(admin, once);
        OfficeDesk.Result<DepartmentHeads.Named> named = desk.name(admin.scope(), admin.member(), id);
        if (named.outcome().outcome() == DepartmentHeads.Naming.NOT_A_MEMBER) {
            throw ConsoleRefusal.notFound("console.error.member");
        }
        outbox.enqueue(named.notices());
        return "redirect:/app/office/members?done=head-named";
    }

    @PostMapping("/heads/{department}/remove")
    @Transactional
    public String remove(OfficeAdmin admin, @PathVariable String department,
                         @RequestParam(name = FormOnce.FIELD, required = false) String once) {
        pages.once(admin, once);
        OfficeDesk.Result<Optional<Member>> removed = desk.remove(admin.scope(), admin.member(), department);
        if (removed.outcome().isEmpty()) {
            throw ConsoleRefusal.notFound("approval.console.no-head");
        }
        outbox.enqueue(removed.notices());
        return "redirect:/app/office/members?done=head-removed";
    }
}
