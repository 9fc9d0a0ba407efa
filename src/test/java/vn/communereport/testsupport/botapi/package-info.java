/**
 * A local stand-in for the Telegram Bot API, for integration tests and benchmarks of the real bot over real HTTP.
 * <pre>{@code
 * try (FakeBotApi telegram = FakeBotApi.start(token)) {
 *     // point the bot at it: new TelegramUrl("http", "127.0.0.1", telegram.port(), false)
 *     FakeUser lan = telegram.user(1001, "Lan");
 *     lan.sends("/start");
 *     SentMessage menu = lan.awaitNext(Duration.ofSeconds(10));
 *     lan.presses(menu.buttonData().get(0));
 *     lan.replyTo(menu, "12");
 *     lan.awaitText("Cảm ơn", Duration.ofSeconds(10));
 * }
 * }</pre>
 * It implements the Bot API methods the bot calls and no others; for those, its rules and error descriptions follow
 * the Bot API server (tdlib/telegram-bot-api) and TDLib sources, so that what passes here is not refused by Telegram:
 * see {@link vn.communereport.testsupport.botapi.FakeBotApi}.
 */
package vn.communereport.testsupport.botapi;
