package vn.communereport.province.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import vn.communereport.messaging.Texts;

/** Deadlines as the province reads them, in the application's time zone. */
@Component
class Dates {

    private final Clock clock;
    private final Texts texts;

    Dates(Clock clock, Texts texts) {
        this.clock = clock;
        this.texts = texts;
    }

    String when(Instant instant) {
        return DateTimeFormatter.ofPattern(texts.get("province.deadline-format")).withZone(clock.getZone()).format(instant);
    }
}
