package vn.communereport.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A person known to the bot in one commune: a department member, an office administrator, or both. */
@Entity
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String communeCode;
    private long channelUserId;
    private long chatId;
    private String displayName;
    private String departmentCode;
    private boolean officeAdmin;
    private boolean active = true;
    private boolean botBlocked;
    private Instant createdAt;
    @Version
    @Column(nullable = false)
    private long version;

    protected Member() {
    }

    Member(String communeCode, long channelUserId, long chatId, String displayName, Instant createdAt) {
        this.communeCode = communeCode;
        this.channelUserId = channelUserId;
        this.chatId = chatId;
        this.displayName = displayName;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getCommuneCode() {
        return communeCode;
    }

    public long getChannelUserId() {
        return channelUserId;
    }

    public long getChatId() {
        return chatId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public boolean isOfficeAdmin() {
        return officeAdmin;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isBotBlocked() {
        return botBlocked;
    }

    /** Someone who may answer a department's flow. */
    public boolean answersFor(String department) {
        return active && department != null && department.equals(departmentCode);
    }

    void joinDepartment(String department) {
        this.departmentCode = department;
        this.active = true;
    }

    void makeOfficeAdmin() {
        this.officeAdmin = true;
        this.active = true;
    }

    void leaveDepartment() {
        this.departmentCode = null;
        if (!officeAdmin) {
            this.active = false;
        }
    }

    void seen(long chatId, String displayName) {
        this.chatId = chatId;
        if (displayName != null && !displayName.isBlank()) {
            this.displayName = displayName;
        }
        this.botBlocked = false;
    }

    void markBotBlocked() {
        this.botBlocked = true;
    }
}
