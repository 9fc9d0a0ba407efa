package vn.communereport.access;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who heads each department (trưởng phòng): named by the office, or by redeeming an invite made for the head; removed
 * by the office, or when they leave the department. One head per department; every change is in the audit.
 */
@Service
public class DepartmentHeads {

    public enum Naming { NAMED, ALREADY_HEAD, NOT_A_MEMBER }

    /** {@code previous}: the head this one replaced, if any. */
    public record Named(Naming outcome, Member head, Optional<Member> previous) {
    }

    /** One step of the audit: NAMED or REMOVED, whom, by whom, when. */
    public record Event(String event, long memberId, long actedBy) {
    }

    static final String NAMED = "HEAD_NAMED";
    static final String REMOVED = "HEAD_REMOVED";

    private final DepartmentHeadRepository heads;
    private final DepartmentHeadEventRepository events;
    private final MemberRepository members;
    private final Clock clock;

    DepartmentHeads(DepartmentHeadRepository heads, DepartmentHeadEventRepository events, MemberRepository members, Clock clock) {
        this.heads = heads;
        this.events = events;
        this.members = members;
        this.clock = clock;
    }

    /** The department's head, if one is named and is still an active member of it. */
    @Transactional(readOnly = true)
    public Optional<Member> headOf(String communeCode, String departmentCode) {
        if (communeCode == null || departmentCode == null) {
            return Optional.empty();
        }
        return heads.findById(new DepartmentHead.Key(communeCode, departmentCode))
                .flatMap(h -> members.findById(h.memberId()))
                .filter(m -> m.answersFor(departmentCode) && m.getCommuneCode().equals(communeCode));
    }

    /** Whether this member heads the department they are in. */
    @Transactional(readOnly = true)
    public boolean isHead(Member member) {
        return headOf(member.getCommuneCode(), member.getDepartmentCode()).map(h -> h.getId().equals(member.getId())).orElse(false);
    }

    /** The heads of a commune's departments, member id by department code. */
    @Transactional(readOnly = true)
    public Map<String, Long> heads(String communeCode) {
        Map<String, Long> byDepartment = new HashMap<>();
        for (DepartmentHead head : heads.findByCommuneCode(communeCode)) {
            headOf(communeCode, head.departmentCode()).ifPresent(m -> byDepartment.put(head.departmentCode(), m.getId()));
        }
        return byDepartment;
    }

    /** The office names a member of its commune head of the department they are in; the one before is replaced. */
    @Transactional
    public Named name(Member admin, long memberId) {
        requireAdmin(admin);
        Optional<Member> member = members.findById(memberId)
                .filter(m -> m.getCommuneCode().equals(admin.getCommuneCode()) && m.answersFor(m.getDepartmentCode()));
        if (member.isEmpty()) {
            return new Named(Naming.NOT_A_MEMBER, null, Optional.empty());
        }
        return appoint(member.get(), admin.getId());
    }

    /** The person who redeemed a head's invite becomes head, named by whoever made the invite. */
    @Transactional
    Named nameByInvite(Member member, long invitedBy) {
        return appoint(member, invitedBy);
    }

    private Named appoint(Member member, long by) {
        Optional<Member> previous = headOf(member.getCommuneCode(), member.getDepartmentCode());
        if (previous.isPresent() && previous.get().getId().equals(member.getId())) {
            return new Named(Naming.ALREADY_HEAD, member, Optional.empty());
        }
        Instant now = clock.instant();
        DepartmentHead.Key key = new DepartmentHead.Key(member.getCommuneCode(), member.getDepartmentCode());
        Optional<DepartmentHead> row = heads.findById(key);
        row.ifPresent(h -> events.save(new DepartmentHeadEvent(member.getCommuneCode(), member.getDepartmentCode(), h.memberId(),
                REMOVED, by, now)));
        row.ifPresentOrElse(h -> h.replaceBy(member.getId(), by, now), () -> heads.save(
                new DepartmentHead(member.getCommuneCode(), member.getDepartmentCode(), member.getId(), by, now)));
        events.save(new DepartmentHeadEvent(member.getCommuneCode(), member.getDepartmentCode(), member.getId(), NAMED, by, now));
        return new Named(Naming.NAMED, member, previous);
    }

    /** The office removes the department's head; empty, and nothing changes, when it has none. */
    @Transactional
    public Optional<Member> remove(Member admin, String departmentCode) {
        requireAdmin(admin);
        Optional<Member> head = headOf(admin.getCommuneCode(), departmentCode);
        head.ifPresent(h -> drop(admin.getCommuneCode(), departmentCode, admin.getId()));
        return head;
    }

    /** A head who leaves the department (revoked by the office) is its head no more. */
    @Transactional
    void leaving(Member member, long by) {
        if (member.getDepartmentCode() != null && isHead(member)) {
            drop(member.getCommuneCode(), member.getDepartmentCode(), by);
        }
    }

    private void drop(String communeCode, String departmentCode, long by) {
        DepartmentHead.Key key = new DepartmentHead.Key(communeCode, departmentCode);
        heads.findById(key).ifPresent(h -> {
            events.save(new DepartmentHeadEvent(communeCode, departmentCode, h.memberId(), REMOVED, by, clock.instant()));
            heads.delete(h);
        });
    }

    /** The department's heads named and removed, oldest first. */
    @Transactional(readOnly = true)
    public List<Event> history(String communeCode, String departmentCode) {
        return events.findByCommuneCodeAndDepartmentCodeOrderByIdAsc(communeCode, departmentCode).stream()
                .map(e -> new Event(e.event(), e.memberId(), e.actedBy())).toList();
    }

    private static void requireAdmin(Member member) {
        if (!member.isOfficeAdmin() || !member.isActive()) {
            throw new AccessDeniedException();
        }
    }
}
