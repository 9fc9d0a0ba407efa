package vn.communereport.definition;

/** A department (phòng, ban, trung tâm) of a commune; names are data because each province sets them. */
public record Department(String code, String name, String shortName, boolean office) {
}
