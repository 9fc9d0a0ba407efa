package vn.communereport.web.console;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.communereport.access.AccessService;
import vn.communereport.access.DepartmentHeads;
import vn.communereport.access.Member;
import vn.communereport.definition.Department;

/** Who is in each department, the invite codes still open, and bringing people in or taking them out. */
@Controller
@RequestMapping("/app/office")
class MembersController {

    record PersonView(long id, String name, boolean head) {
    }

    record InviteView(long id, String code, String department, String expiresAt, boolean fresh) {
    }

    record DepartmentView(String code, String name, List<PersonView> people) {
    }

    private final ConsolePages pages;
    private final ConsoleViews views;
    private final AccessService access;
    private final ConsoleActions actions;
    private final DepartmentHeads heads;

    MembersController(ConsolePages pages, ConsoleViews views, AccessService access, ConsoleActions actions, DepartmentHeads heads) {
        this.heads = heads;
        this.pages = pages;
        this.views = views;
        this.access = access;
        this.actions = actions;
    }

    @GetMapping("/members")
    String members(OfficeAdmin admin, Model model, @RequestParam(required = false) String done,
                   @RequestParam(required = false) Long invite) {
        pages.page(model, admin, "members", done, null);
        List<Member> active = access.activeMembers(admin.scope().communeCode());
        java.util.Map<String, Long> named = heads.heads(admin.scope().communeCode());
        List<DepartmentView> departments = new ArrayList<>();
        for (Department department : admin.scope().commune().departments()) {
            List<PersonView> people = active.stream().filter(m -> department.code().equals(m.getDepartmentCode()))
                    .map(m -> new PersonView(m.getId(), views.who(m.getId()), m.getId().equals(named.get(department.code())))).toList();
            departments.add(new DepartmentView(department.code(), department.name(), people));
        }
        List<InviteView> invites = access.pendingInvites(admin.scope().communeCode()).stream()
                .map(i -> new InviteView(i.id(), i.code().substring(0, 5) + "-" + i.code().substring(5),
                        admin.scope().commune().department(i.departmentCode()).map(Department::name).orElse(i.departmentCode()),
                        views.when(i.expiresAt()), invite != null && invite == i.id()))
                .toList();
        model.addAttribute("departments", departments);
        model.addAttribute("invites", invites);
        model.addAttribute("validityDays", access.inviteValidity().toDays());
        return "console/members";
    }

    @PostMapping("/invites")
    String invite(OfficeAdmin admin, @RequestParam String department, @RequestParam(name = FormOnce.FIELD, required = false) String once) {
        if (admin.scope().commune().department(department).isEmpty()) {
            throw ConsoleRefusal.notFound("console.error.department");
        }
        pages.once(admin, once);
        String code = access.createInvite(admin.member(), department);
        long id = access.pendingInvites(admin.scope().communeCode()).stream().filter(i -> i.code().equals(code))
                .findFirst().orElseThrow().id();
        return "redirect:/app/office/members?done=invited&invite=" + id;
    }

    @PostMapping("/invites/{id}/withdraw")
    String withdraw(OfficeAdmin admin, @PathVariable long id, @RequestParam(name = FormOnce.FIELD, required = false) String once) {
        pages.once(admin, once);
        if (!access.withdrawInvite(admin.member(), id)) {
            throw ConsoleRefusal.notFound("console.error.invite");
        }
        return "redirect:/app/office/members?done=withdrawn";
    }

    @PostMapping("/members/{id}/revoke")
    String revoke(OfficeAdmin admin, @PathVariable long id, @RequestParam(name = FormOnce.FIELD, required = false) String once) {
        pages.once(admin, once);
        if (actions.revoke(admin, id).isEmpty()) {
            throw ConsoleRefusal.notFound("console.error.member");
        }
        return "redirect:/app/office/members?done=revoked";
    }
}
