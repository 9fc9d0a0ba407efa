package vn.communereport.testsupport.botapi;

/** A Bot API error answer: HTTP status = error_code, and the exact description Telegram uses. */
final class ApiError extends Exception {
    final int code;
    final Integer retryAfter;

    ApiError(int code, String description) {
        this(code, description, null);
    }

    ApiError(int code, String description, Integer retryAfter) {
        super(description, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, "Bad Request: " + detail);
    }

    static ApiError forbidden(String detail) {
        return new ApiError(403, "Forbidden: " + detail);
    }

    /**
     * Something Telegram accepts but this stand-in does not implement (the bot did not use it when the stand-in was cut
     * down to what it calls). Not a Telegram description: implement it in FakeBotApi, as strictly as Telegram, first.
     */
    static ApiError notImplemented(String what) {
        return badRequest(what + " is not implemented by FakeBotApi");
    }

    static ApiError tooManyRequests(int retryAfter) {
        return new ApiError(429, "Too Many Requests: retry after " + retryAfter, retryAfter);
    }
}
