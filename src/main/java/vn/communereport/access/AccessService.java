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
    private final InviteRepository invites;
    private final Clock clock;
    private final Duration inviteValidity;
    private final SecureRandom random = new SecureRandom();

    AccessService(MemberRepository members, InviteRepository invites, Clock clock,
                  @Value("${app.invite-validity:P7D}") Duration inviteValidity) {
        this.members = members;
        this.invites = invites;
        this.clock = clock;
        this.inviteValidity = inviteValidity;
    }

    @Transactional(readOnly = true)
    public Optional<Member> find(String communeCode, long channelUserId) {
        return members.findByCommuneCodeAndChannelUserId(communeCode, channelUserId);
    }

    /** Records the chat and name a known person writes from; unknown people are not stored. */
    @Transactional
    public Optional<Member> recognise(String communeCode, long channelUserId, long chatId, String displayName) {
        Optional<Member> member = members.findByCommuneCodeAndChannelUserId(communeCode, channelUserId);
        member.ifPresent(m -> {
            if (m.getChatId() != chatId || m.isBotBlocked() || (displayName != null && !displayName.equals(m.getDisplayName()))) {
                m.seen(chatId, displayName);
            }
        });
        return member;
    }

    @Transactional(readOnly = true)
    public Optional<Member> byId(long memberId) {
        return members.findById(memberId);
    }

    /** Makes the configured people office administrators; they may not have written to the bot yet. */
    @Transactional
    public void ensureOfficeAdmins(String communeCode, List<Long> channelUserIds) {
        for (Long userId : channelUserIds) {
            Member member = members.findByCommuneCodeAndChannelUserId(communeCode, userId)
                    .orElseGet(() -> members.save(new Member(communeCode, userId, userId, null, clock.instant())));
            if (!member.isOfficeAdmin() || !member.isActive()) {
                member.makeOfficeAdmin();
            }
        }
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

    @Transactional
    public Redemption redeem(String communeCode, String text, long channelUserId, long chatId, String displayName) {
        Optional<Invite> found = invites.findByCode(normalizeCode(text));
        if (found.isEmpty() || !found.get().getCommuneCode().equals(communeCode)) {
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
        Member member = members.findByCommuneCodeAndChannelUserId(communeCode, channelUserId)
                .orElseGet(() -> members.save(new Member(communeCode, channelUserId, chatId, displayName, now)));
        member.seen(chatId, displayName);
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

    /** Takes a person out of their department; they see no data afterwards. Office rights are not touched here. */
    @Transactional
    public Optional<Member> revoke(Member admin, long memberId) {
        requireAdmin(admin);
        Optional<Member> member = members.findById(memberId)
                .filter(m -> m.getCommuneCode().equals(admin.getCommuneCode()) && m.getDepartmentCode() != null);
        member.ifPresent(Member::leaveDepartment);
        return member;
    }

    /** The chat refused our messages (the person blocked the bot); stop counting on it until they write again. */
    @Transactional
    public void markChatUnreachable(long chatId) {
        members.findByChatId(chatId).forEach(Member::markBotBlocked);
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
