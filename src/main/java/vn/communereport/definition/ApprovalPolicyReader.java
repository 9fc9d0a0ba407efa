package vn.communereport.definition;

import java.util.Set;

/**
 * Reads {@code approval:} (who approves a part) and {@code reminders: escalate:} (whom reminders go up to) of a
 * report.yaml; every mistake names the file and entry, in Vietnamese.
 */
final class ApprovalPolicyReader {

    private static final TextBundle TEXTS = TextBundle.of("i18n/approval");
    private static final int MAX_DAYS = 30;

    private ApprovalPolicyReader() {
    }

    static ApprovalPolicy read(YamlNode doc) {
        boolean byHead = false;
        boolean own = false;
        if (doc.has("approval")) {
            YamlNode approval = doc.node("approval");
            approval.allowOnly(Set.of("by", "own_part"));
            String by = approval.text("by");
            if (!by.equals("head") && !by.equals("none")) {
                throw error(approval, "approval.definition.by", by);
            }
            byHead = by.equals("head");
            String ownPart = approval.optionalText("own_part");
            if (ownPart != null && !ownPart.equals("approved") && !ownPart.equals("office")) {
                throw error(approval, "approval.definition.own-part", ownPart);
            }
            own = "approved".equals(ownPart);
        }
        ApprovalPolicy.Escalation escalation = ApprovalPolicy.Escalation.none();
        if (doc.has("reminders") && doc.node("reminders").has("escalate")) {
            YamlNode escalate = doc.node("reminders").node("escalate");
            escalate.allowOnly(Set.of("head_after_working_days", "office_after_working_days"));
            Integer head = days(escalate, "head_after_working_days");
            Integer office = days(escalate, "office_after_working_days");
            if (head != null && office != null && office <= head) {
                throw error(escalate, "approval.definition.escalate-order", head, office);
            }
            escalation = new ApprovalPolicy.Escalation(head, office);
        }
        return new ApprovalPolicy(byHead, own, escalation);
    }

    private static Integer days(YamlNode node, String field) {
        if (!node.has(field)) {
            return null;
        }
        String text = node.text(field);
        if (!text.matches("\\d{1,2}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_DAYS) {
            throw error(node, "approval.definition.days", field, text, MAX_DAYS);
        }
        return Integer.parseInt(text);
    }

    private static DefinitionException error(YamlNode node, String key, Object... args) {
        return new DefinitionException(node.file(), node.entry(), TEXTS.get(key, args));
    }
}
