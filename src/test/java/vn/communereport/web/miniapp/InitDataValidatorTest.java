package vn.communereport.web.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.communereport.testsupport.web.SignedInitData;
import vn.communereport.web.miniapp.InitDataValidator.Result;
import vn.communereport.web.miniapp.InitDataValidator.Verdict;

/** initData is Telegram's only when its signature, its age and its user all check out. */
class InitDataValidatorTest {

    static final String TOKEN = "123456:TEST-token_for-the-stand-in";
    static final Instant SIGNED = Instant.parse("2026-12-01T12:00:00Z");
    /** Computed outside Java (Python's hmac module) for TOKEN, user 2001 and SIGNED. */
    static final String VECTOR = "auth_date=1796126400&query_id=AAHdF6IQAAAAAN0XohDhrOrc"
            + "&user=%7B%22id%22%3A2001%2C%22first_name%22%3A%22Lan%22%2C%22language_code%22%3A%22vi%22%7D"
            + "&hash=1ae6d9e34a94184c7f2ff4b440b650720fc853d56ade3c5a704210e5958b059d";

    static InitDataValidator at(Instant now) {
        return new InitDataValidator(TOKEN, Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aVectorSignedOutsideJavaIsValidAndNamesItsUser() {
        Result result = at(SIGNED.plusSeconds(30)).validate(VECTOR);
        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.userId()).isEqualTo(2001);
        assertThat(result.firstName()).isEqualTo("Lan");
        assertThat(result.authDate()).isEqualTo(SIGNED);
    }

    @Test
    void theTestHelperSignsAsTelegramDoes() {
        String initData = SignedInitData.forUser(2001, "Lò Thị Lan", TOKEN, SIGNED);
        Result result = at(SIGNED).validate(initData);
        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.firstName()).isEqualTo("Lò Thị Lan");
    }

    @Test
    void aChangedFieldIsForged() {
        assertThat(at(SIGNED).validate(VECTOR.replace("%22id%22%3A2001", "%22id%22%3A2002")).verdict()).isEqualTo(Verdict.FORGED);
        assertThat(at(SIGNED).validate(VECTOR.replace("auth_date=1796126400", "auth_date=1796126401")).verdict()).isEqualTo(Verdict.FORGED);
        assertThat(at(SIGNED).validate(VECTOR + "&extra=1").verdict()).isEqualTo(Verdict.FORGED);
        assertThat(at(SIGNED).validate(VECTOR.replace("hash=1ae6", "hash=0ae6")).verdict()).isEqualTo(Verdict.FORGED);
    }

    @Test
    void dataSignedForAnotherBotIsForged() {
        String otherBots = SignedInitData.forUser(2001, "Lan", "654321:ANOTHER-bots_token-entirely", SIGNED);
        assertThat(at(SIGNED).validate(otherBots).verdict()).isEqualTo(Verdict.FORGED);
    }

    @Test
    void olderThanTheLimitIsExpiredAndFarAheadIsRefused() {
        assertThat(at(SIGNED.plus(Duration.ofHours(24))).validate(VECTOR).verdict()).isEqualTo(Verdict.VALID);
        assertThat(at(SIGNED.plus(Duration.ofHours(24)).plusSeconds(1)).validate(VECTOR).verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(new InitDataValidator(TOKEN, Duration.ofMinutes(5), Clock.fixed(SIGNED.plusSeconds(301), ZoneOffset.UTC))
                .validate(VECTOR).verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(at(SIGNED.minus(InitDataValidator.ALLOWED_SKEW)).validate(VECTOR).verdict()).isEqualTo(Verdict.VALID);
        assertThat(at(SIGNED.minus(InitDataValidator.ALLOWED_SKEW).minusSeconds(1)).validate(VECTOR).verdict())
                .isEqualTo(Verdict.FROM_THE_FUTURE);
    }

    @Test
    void withoutAHashNothingIsChecked() {
        assertThat(at(SIGNED).validate(VECTOR.substring(0, VECTOR.indexOf("&hash="))).verdict()).isEqualTo(Verdict.MISSING_HASH);
        assertThat(at(SIGNED).validate(VECTOR.replaceAll("hash=[0-9a-f]+", "hash=")).verdict()).isEqualTo(Verdict.MISSING_HASH);
    }

    @Test
    void garbageIsMalformedOrForgedNeverValid() {
        for (String garbage : new String[] {null, "", "   ", "hello", "=x", "a=1&&b=2", "user=%ZZ&hash=00",
                "auth_date=1&auth_date=2&hash=00", "hash=not-hex", "x".repeat(10_000)}) {
            assertThat(at(SIGNED).validate(garbage).verdict()).as(String.valueOf(garbage).substring(0, Math.min(20, String.valueOf(garbage).length())))
                    .isIn(Verdict.MALFORMED, Verdict.FORGED, Verdict.MISSING_HASH);
        }
        assertThat(at(SIGNED).validate("hash=not-hex&auth_date=1").verdict()).isEqualTo(Verdict.FORGED);
    }

    @Test
    void aCorrectlySignedPayloadWithoutAUsableUserIsMalformed() {
        String when = String.valueOf(SIGNED.getEpochSecond());
        assertThat(at(SIGNED).validate(SignedInitData.signed(Map.of("auth_date", when), TOKEN)).verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(at(SIGNED).validate(SignedInitData.signed(Map.of("auth_date", when, "user", "{not json"), TOKEN)).verdict())
                .isEqualTo(Verdict.MALFORMED);
        assertThat(at(SIGNED).validate(SignedInitData.signed(Map.of("auth_date", when, "user", "{\"id\":\"2001\"}"), TOKEN)).verdict())
                .isEqualTo(Verdict.MALFORMED);
        assertThat(at(SIGNED).validate(SignedInitData.signed(Map.of("auth_date", "yesterday", "user", "{\"id\":1}"), TOKEN)).verdict())
                .isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void withoutABotTokenNothingIsAccepted() {
        assertThat(new InitDataValidator("", Duration.ofHours(24), Clock.fixed(SIGNED, ZoneOffset.UTC)).validate(VECTOR).verdict())
                .isEqualTo(Verdict.NOT_CONFIGURED);
    }
}
