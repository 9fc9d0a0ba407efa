package vn.communereport.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who a person is, and what joins them to a department or to the office. */
@Service
public class AccessService {

    private final MemberRepository members;
    private final MemberIdentityRepository identities;
    private final InviteRepository invites;
    private final ActingMembershipRepository acting;
    private final DepartmentHeads heads;
    private final Clock clock;
    private final Duration inviteValidity;
    private final InviteCodes codes = new InviteCodes();

    AccessService(MemberRepository members, MemberIdentityRepository identities, InviteRepository invites,
                  ActingMembershipRepository acting, DepartmentHeads heads, Clock clock,
                  @Value("${app.invite-validity:P7D}") Duration inviteValidity) {
        this.acting = acting;
        this.heads = heads;
        this.members = members;
        this.identities = identities;
        this.invites = invites;
        this.clock = clock;
        this.inviteValidity = inviteValidity;
    }

    /**
     * The member a channel identity acts as, recording where they write from now and that they can be reached again;
     * unknown people are not stored. A person with several active memberships (two communes, two departments) acts as
     * the one they chose ({@link #chooseMembership}); until they choose, as none of them (empty: {@link #memberships}
     * lists what to choose from). A person with no active membership is the first they had, inactive.
     */
    @Transactional
    public Optional<Member> recognise(ChannelIdentity who, String displayName) {
        // identities and their members in one statement: this runs on every update
        List<Object[]> rows = identities.findWithMembers(who.channel(), who.userRef());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<MemberIdentity> known = rows.stream().map(r -> (MemberIdentity) r[0]).toList();
        java.util.Map<Long, Member> byId = new java.util.HashMap<>();
        rows.forEach(r -> byId.put(((Member) r[1]).getId(), (Member) r[1]));
        Optional<Member> member = Optional.empty();
        MemberIdentity identity = null;
        List<Member> active = new java.util.ArrayList<>();
        for (MemberIdentity candidate : known) {
            Optional<Member> found = Optional.ofNullable(byId.get(candidate.memberId()));
            if (found.isEmpty()) {
                continue;
            }
            if (found.get().isActive()) {
                active.add(found.get());
            }
            if (member.isEmpty() || found.get().isActive() && !member.get().isActive()) {
                member = found;
                identity = candidate;
            }
        }
        if (active.size() > 1) {
            Optional<Long> chosen = acting.findById(new ActingMembership.Key(who.channel(), who.userRef())).map(ActingMembership::memberId);
            member = active.stream().filter(m -> chosen.isPresent() && m.getId().equals(chosen.get())).findFirst();
            identity = member.flatMap(m -> known.stream().filter(i -> i.memberId() == m.getId()).findFirst()).orElse(null);
        }
        if (identity != null && identity.differsFrom(who)) {
            identity.seenAt(who.address());
        }
        member.filter(m -> displayName != null && !displayName.isBlank() && !displayName.equals(m.getDisplayName()))
                .ifPresent(m -> m.named(displayName));
        return member;
    }

    /** The member a channel identity acts as, as {@link #recognise} finds them, changing nothing; only an active one. */
    @Transactional(readOnly = true)
    public Optional<Member> find(ChannelIdentity who) {
        List<Member> active = memberships(who);
        if (active.size() <= 1) {
            return active.stream().findFirst();
        }
        Optional<Long> chosen = acting.findById(new ActingMembership.Key(who.channel(), who.userRef())).map(ActingMembership::memberId);
        return active.stream().filter(m -> chosen.isPresent() && m.getId().equals(chosen.get())).findFirst();
    }

    /** Every active membership of a person, oldest first: more than one, and they choose which to act for. */
    @Transactional(readOnly = true)
    public List<Member> memberships(ChannelIdentity who) {
        return identities.findByChannelAndUserRefOrderByIdAsc(who.channel(), who.userRef()).stream()
                .map(i -> members.findById(i.memberId())).flatMap(Optional::stream).filter(Member::isActive).toList();
    }

    /**
     * The person acts for this membership from now on, in every channel message; false, and nothing changes, when it is
     * not one of their active memberships (a forged or out-of-date button).
     */
    @Transactional
    public boolean chooseMembership(ChannelIdentity who, long memberId) {
        if (memberships(who).stream().noneMatch(m -> m.getId() == memberId)) {
            return false;
        }
        Instant now = clock.instant();
        acting.findById(new ActingMembership.Key(who.channel(), who.userRef())).ifPresentOrElse(a -> a.choose(memberId, now),
                () -> acting.save(new ActingMembership(who, memberId, now)));
        return true;
    }

    /** The member acts in this report from now on (the caller has checked that it is theirs to choose). */
    @Transactional
    public void chooseReport(long memberId, String reportCode) {
        members.findById(memberId).ifPresent(m -> m.chooseReport(reportCode));
    }

    @Transactional(readOnly = true)
    public Optional<Member> byId(long memberId) {
        return members.findById(memberId);
    }

    /** Where a member is reached on a channel; empty when they have no identity there or refused our messages. */
    @Transactional(readOnly = true)
    public Optional<String> reachableAddress(long memberId, String channel) {
        return identities.findByMemberIdAndChannel(memberId, channel).filter(i -> !i.unreachable()).map(MemberIdentity::address);
    }

    /** Makes the configured people office administrators; they may not have written to the bot yet. */
    @Transactional
    public void ensureOfficeAdmins(String communeCode, List<ChannelIdentity> people) {
        for (ChannelIdentity who : people) {
            Member member = memberIn(communeCode, who).orElseGet(() -> join(communeCode, who, null));
            if (!member.isOfficeAdmin() || !member.isActive()) {
                member.makeOfficeAdmin();
            }
        }
    }

    private Optional<Member> memberIn(String communeCode, ChannelIdentity who) {
        return identities.findByChannelAndUserRefOrderByIdAsc(who.channel(), who.userRef()).stream()
                .map(i -> members.findById(i.memberId()))
                .flatMap(Optional::stream)
                .filter(m -> m.getCommuneCode().equals(communeCode))
                .findFirst();
    }

    /** The person's row in the commune that joins this department: already in it, else one in no department. */
    private Optional<Member> joiningRow(String communeCode, String departmentCode, ChannelIdentity who) {
        List<Member> inCommune = identities.findByChannelAndUserRefOrderByIdAsc(who.channel(), who.userRef()).stream()
                .map(i -> members.findById(i.memberId())).flatMap(Optional::stream)
                .filter(m -> m.getCommuneCode().equals(communeCode)).toList();
        return inCommune.stream().filter(m -> departmentCode.equals(m.getDepartmentCode())).findFirst()
                .or(() -> inCommune.stream().filter(m -> !m.isActive() || m.getDepartmentCode() == null).findFirst());
    }

    private Member join(String communeCode, ChannelIdentity who, String displayName) {
        Member member = members.save(new Member(communeCode, displayName, clock.instant()));
        identities.save(new MemberIdentity(member.getId(), who));
        return member;
    }

    @Transactional
    public String createInvite(Member admin, String departmentCode) {
        return createInvite(admin, departmentCode, false);
    }

    /** An invite code; with {@code asHead}, whoever redeems it also becomes the department's head. */
    @Transactional
    public String createInvite(Member admin, String departmentCode, boolean asHead) {
        requireAdmin(admin);
        String code;
        do {
            code = codes.next();
        } while (invites.findByCode(code).isPresent());
        Instant now = clock.instant();
        Invite invite = new Invite(code, admin.getCommuneCode(), departmentCode, admin.getId(), now, now.plus(inviteValidity));
        invites.save(asHead ? invite.asHead() : invite);
        return code;
    }

    public Duration inviteValidity() {
        return inviteValidity;
    }

    /** Whether text looks like an invite code, so that a stranger's message can be tried as one. */
    public static boolean looksLikeInviteCode(String text) {
        return InviteCodes.looksLikeOne(text);
    }

    public record Redemption(InviteOutcome outcome, Member member) {
    }

    /** Joins the person to the invite's department, in the invite's commune. */
    @Transactional
    public Redemption redeem(String text, ChannelIdentity who, String displayName) {
        Optional<Invite> found = invites.findByCode(InviteCodes.normalize(text));
        if (found.isEmpty()) {
            return new Redemption(InviteOutcome.UNKNOWN, null);
        }
        Invite invite = found.get();
        if (invite.isUsed()) {
            return new Redemption(InviteOutcome.USED, null);
        }
        Instant now = clock.instant();
        if (now.isAfter(invite.getExpiresAt())) {
            return new Redemption(InviteOutcome.EXPIRED, null);
        }
        // Already answering for another department of the commune: a second membership, so the person chooses which
        // one they act for instead of silently leaving the first.
        Member member = joiningRow(invite.getCommuneCode(), invite.getDepartmentCode(), who)
                .orElseGet(() -> join(invite.getCommuneCode(), who, displayName));
        member.named(displayName);
        identities.findByMemberIdAndChannel(member.getId(), who.channel()).ifPresent(i -> i.seenAt(who.address()));
        member.joinDepartment(invite.getDepartmentCode());
        invite.use(member.getId(), now);
        if (invite.isAsHead()) {
            heads.nameByInvite(member, invite.getCreatedBy());
        }
        return new Redemption(InviteOutcome.JOINED, member);
    }

    @Transactional(readOnly = true)
    public List<Member> departmentMembers(String communeCode, String departmentCode) {
        return members.findByCommuneCodeAndDepartmentCodeAndActiveTrue(communeCode, departmentCode);
    }

    @Transactional(readOnly = true)
    public List<Member> officeAdmins(String communeCode) {
        return members.findByCommuneCodeAndOfficeAdminTrueAndActiveTrue(communeCode);
    }

    @Transactional(readOnly = true)
    public List<Member> activeMembers(String communeCode) {
        return members.findByCommuneCodeAndActiveTrueOrderByDepartmentCodeAscDisplayNameAsc(communeCode);
    }

    /** An invite code that can still be redeemed. */
    public record PendingInvite(long id, String code, String departmentCode, Instant createdAt, Instant expiresAt) {
    }

    /** The commune's invite codes that are neither used nor expired, oldest first. */
    @Transactional(readOnly = true)
    public List<PendingInvite> pendingInvites(String communeCode) {
        return invites.findByCommuneCodeAndUsedByIsNullAndExpiresAtAfterOrderByCreatedAtAsc(communeCode, clock.instant()).stream()
                .map(i -> new PendingInvite(i.getId(), i.getCode(), i.getDepartmentCode(), i.getCreatedAt(), i.getExpiresAt()))
                .toList();
    }

    /** Withdraws an invite of the admin's commune that can still be redeemed; false when there is none such. */
    @Transactional
    public boolean withdrawInvite(Member admin, long inviteId) {
        requireAdmin(admin);
        Instant now = clock.instant();
        Optional<Invite> invite = invites.findById(inviteId)
                .filter(i -> i.getCommuneCode().equals(admin.getCommuneCode()) && !i.isUsed() && now.isBefore(i.getExpiresAt()));
        invite.ifPresent(i -> i.withdraw(now));
        return invite.isPresent();
    }

    /** Takes a person out of their department; they see no data afterwards. Office rights are not touched here. */
    @Transactional
    public Optional<Member> revoke(Member admin, long memberId) {
        requireAdmin(admin);
        Optional<Member> member = members.findById(memberId)
                .filter(m -> m.getCommuneCode().equals(admin.getCommuneCode()) && m.getDepartmentCode() != null);
        member.ifPresent(m -> heads.leaving(m, admin.getId()));
        member.ifPresent(Member::leaveDepartment);
        return member;
    }

    /** The address refused our messages (the person blocked the bot); stop counting on it until they write again. */
    @Transactional
    public void markUnreachable(String channel, String address) {
        identities.findByChannelAndAddress(channel, address).forEach(MemberIdentity::markUnreachable);
    }

    private static void requireAdmin(Member member) {
        if (!member.isOfficeAdmin() || !member.isActive()) {
            throw new AccessDeniedException();
        }
    }
}
