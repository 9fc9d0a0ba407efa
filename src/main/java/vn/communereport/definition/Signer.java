package vn.communereport.definition;

/** Who signs the report: on behalf of which body, the signer's title and name (all from the commune's file). */
public record Signer(String onBehalf, String title, String name) {
}
