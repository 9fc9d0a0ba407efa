package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;

/** The token is in every Bot API URL; it must never reach the logs, whatever a library prints. */
@ExtendWith(OutputCaptureExtension.class)
@LongRunning
class TokenMaskingTest {

    @TempDir
    Path data;

    @Test
    void theTokenNeverAppearsInTheLogsEvenWhenTelegramCannotBeReached(CapturedOutput output) throws Exception {
        // Nothing listens on port 9: every call fails and is logged.
        try (BotProcess bot = BotProcess.start("http://127.0.0.1:9", data, "", Map.of())) {
            LoggerFactory.getLogger(TokenMaskingTest.class).warn("GET http://127.0.0.1:9/bot{}/getMe failed",
                    BotProcess.TOKEN, new IllegalStateException("url /bot" + BotProcess.TOKEN + "/getUpdates"));
            Thread.sleep(2_500);
        }
        assertThat(output.getAll()).contains("Cannot reach the Bot API").contains("<bot-token>");
        assertThat(output.getAll()).doesNotContain(BotProcess.TOKEN).doesNotContain(BotProcess.TOKEN.split(":")[1]);
    }
}
