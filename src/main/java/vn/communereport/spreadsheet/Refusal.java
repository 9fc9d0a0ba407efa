package vn.communereport.spreadsheet;

/** Why a whole file is refused: a key of {@code i18n/spreadsheet.properties} ("sheet.refused.…") and its arguments. */
record Refusal(String key, Object... args) {
}
