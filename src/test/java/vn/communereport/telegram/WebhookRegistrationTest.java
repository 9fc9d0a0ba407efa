package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.botapi.FakeBotApi;

/**
 * The webhook is registered once for all instances, and again when what was registered no longer holds: another
 * address, another secret, or no webhook any more at Telegram (a long-polling bot with the same token deleted it).
 */
class WebhookRegistrationTest {

    FakeBotApi api;
    TelegramClient client;
    JdbcTemplate jdbc;
    TransactionTemplate transactions;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        client = new OkHttpTelegramClient(BotProcess.TOKEN, new TelegramProperties(BotProcess.TOKEN, api.baseUrl(), 1, 1).telegramUrl());
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:registration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V10__telegram_webhook.sql")).execute(database);
        jdbc = new JdbcTemplate(database);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private WebhookRegistration instance(String url, String secret, int maxConnections, String name) {
        WebhookSettings settings = WebhookSettings.of(url, secret, maxConnections, Duration.ofMinutes(1), Duration.ofSeconds(1));
        return new WebhookRegistration(client, jdbc, transactions, settings, Clock.systemUTC(), name);
    }

    @Test
    void severalInstancesStartingTogetherRegisterOnce() throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> registered = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            WebhookRegistration instance = instance("https://bot.example.vn", "secret_1", 40, "instance-" + i);
            registered.add(starts.submit((Callable<Boolean>) instance::register));
        }
        int calls = 0;
        for (Future<Boolean> one : registered) {
            calls += one.get() ? 1 : 0;
        }
        starts.shutdown();
        assertThat(calls).isEqualTo(1);
        assertThat(api.calls("setWebhook")).hasSize(1);
        assertThat(api.calls("getWebhookInfo")).hasSize(4);
        assertThat(api.webhookUrl()).isEqualTo("https://bot.example.vn/telegram/webhook");
        assertThat(jdbc.queryForObject("select secret_sha256 from telegram_webhook", String.class)).hasSize(64).doesNotContain("secret_1");
    }

    @Test
    void itIsRegisteredAgainWhenTheAddressTheSecretOrTheConnectionsChangeOrTelegramLostIt() throws Exception {
        assertThat(instance("https://bot.example.vn", "secret_1", 40, "a").register()).isTrue();
        assertThat(instance("https://bot.example.vn", "secret_1", 40, "b").register()).as("unchanged").isFalse();
        assertThat(instance("https://bot.example.vn", "secret_2", 40, "b").register()).as("new secret").isTrue();
        assertThat(api.calls("setWebhook").get(1).param("secret_token")).isEqualTo("secret_2");
        assertThat(instance("https://baocao.example.vn", "secret_2", 40, "b").register()).as("new address").isTrue();
        assertThat(instance("https://baocao.example.vn", "secret_2", 10, "b").register()).as("new max_connections").isTrue();
        assertThat(instance("https://baocao.example.vn", "secret_2", 10, "a").register()).isFalse();

        // A long-polling bot started with the same token deletes the webhook; the next look sets it again.
        client.execute(new org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook());
        assertThat(api.webhookUrl()).isEmpty();
        instance("https://baocao.example.vn", "secret_2", 10, "a").check();
        assertThat(api.webhookUrl()).isEqualTo("https://baocao.example.vn/telegram/webhook");
        assertThat(api.calls("setWebhook")).hasSize(5);
    }
}
