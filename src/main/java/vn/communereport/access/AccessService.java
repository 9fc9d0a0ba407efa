package vn.communereport.access;

import java.security.SecureRandom;
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

    // No 0/O, 1/I/L: codes are read aloud and typed on phones.
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 10;

    private final MemberRepository members;
    private final MemberIdentityRepository identities;
    private final InviteRepository invites;
    private final Clock clock;
    private final Duration inviteValidity;
    private final SecureRandom random = new SecureRandom();

    AccessService(MemberRepository members, MemberIdentityRepository identities, InviteRepository invites, Clock clock,
                  @Value("${app.invite-validity:P7D}") Duration inviteValidity) {
        this.members = members;
        this.identities = identities;
        this.invites = invites;
        this.clock = clock;
        this.inviteValidity = inviteValidity;
    }

    /**
     * The member a channel identity belongs to, recording where they write from now and that they can be
     * reached again; unknown people are not stored. A person known in several communes is, until they can
     * choose, the one they joined first that is still active.
     */
    @Transactional
    public Optional<Member> recognise(ChannelIdentity who, String displayName) {
        List<MemberIdentity> known = identities.findByChannelAndUserRefOrderByIdAsc(who.channel(), who.userRef());
        Optional<Member> member = Optional.empty();
        MemberIdentity identity = null;
        for (MemberIdentity candidate : known) {
            Optional<Member> found = members.findById(candidate.memberId());
            if (found.isPresent() && (member.isEmpty() || found.get().isActive() && !member.get().isActive())) {
                member = found;
                identity = candidate;
            }
        }
        if (identity != null && identity.differsFrom(who)) {
            identity.seenAt(who.address());
        }
        member.filter(m -> displayName != null && !displayName.isBlank() && !displayName.equals(m.getDisplayName()))
                .ifPresent(m -> m.named(displayName));
        return member;
    }

    /** The member a channel identity belongs to, as {@link #recognise} finds them, changing nothing. */
    @Transactional(readOnly = true)
    public Optional<Member> find(ChannelIdentity who) {
        return identities.findByChannelAndUserRefOrderByIdAsc(who.channel(), who.userRef()).stream()
                .map(i -> members.findById(i.memberId())).flatMap(Optional::stream)
                .filter(Member::isActive).findFirst();
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

    private Member join(String communeCode, ChannelIdentity who, String displayName) {
        Member member = members.save(new Member(communeCode, displayName, clock.instant()));
        identities.save(new MemberIdentity(member.getId(), who));
        return member;
    }

    @Transactional
    public String createInvite(Member admin, String departmentCode) {
        requireAdmin(admin);
        String code;
        do {
            code = randomCode();
        } while (invites.findByCode(code).isPresent());
        Instant now = clock.instant();
        invites.save(new Invite(code, admin.getCommuneCode(), departmentCode, admin.getId(), now, now.plus(inviteValidity)));
        return code;
    }

    public Duration inviteValidity() {
        return inviteValidity;
    }

    /** Whether text looks like an invite code, so that a stranger's message can be tried as one. */
    public static boolean looksLikeInviteCode(String text) {
        String normalized = normalizeCode(text);
        return normalized.length() == CODE_LENGTH && normalized.chars().allMatch(c -> new String(CODE_ALPHABET).indexOf(c) >= 0);
    }

    public record Redemption(InviteOutcome outcome, Member member) {
    }

    /** Joins the person to the invite's department, in the invite's commune. */
    @Transactional
    public Redemption redeem(String text, ChannelIdentity who, String displayName) {
        Optional<Invite> found = invites.findByCode(normalizeCode(text));
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
        Member member = memberIn(invite.getCommuneCode(), who).orElseGet(() -> join(invite.getCommuneCode(), who, displayName));
        member.named(displayName);
        identities.findByMemberIdAndChannel(member.getId(), who.channel()).ifPresent(i -> i.seenAt(who.address()));
        member.joinDepartment(invite.getDepartmentCode());
        invite.use(member.getId(), now);
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

    private String randomCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    private static String normalizeCode(String text) {
        return text == null ? "" : text.trim().toUpperCase().replace("-", "").replace(" ", "");
    }
}
