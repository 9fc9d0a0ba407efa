package vn.communereport.definition;

/** A rate computed from two rows: numerator / denominator × 100, rounded half-up. */
public record Compute(String numerator, String denominator, int decimals, WhenZero whenZero) {

    /** What a rate shows when its denominator is zero or missing. */
    public enum WhenZero {
        ZERO, HUNDRED, EMPTY;

        static WhenZero fromYaml(String value) {
            return switch (value) {
                case "zero" -> ZERO;
                case "hundred" -> HUNDRED;
                case "empty" -> EMPTY;
                default -> null;
            };
        }
    }
}
