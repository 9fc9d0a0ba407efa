package vn.communereport.definition;

/** Who signs the report: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / name. */
public record Signer(String onBehalf, String title, String name) {
}
