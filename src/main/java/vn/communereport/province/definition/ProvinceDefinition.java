package vn.communereport.province.definition;

import java.util.Set;

/**
 * A province, from {@code conversations/provinces/<code>.yaml}: its name as the commune files write it ({@code province:}),
 * the body that speaks for it to the communes (Sở Nội vụ), and the Telegram ids of its administrators.
 */
public record ProvinceDefinition(String code, String name, String authority, Set<String> adminTelegramIds) {

    public ProvinceDefinition {
        adminTelegramIds = Set.copyOf(adminTelegramIds);
    }
}
