package vn.communereport.conversation;

/**
 * A file a person sent, as the channel fetched it: its name and its bytes, or why the channel did not fetch it
 * (bigger than {@code limit} bytes, or the channel could not hand it over). The core never sees the channel's own
 * reference of the file.
 */
public record ReceivedFile(String name, long size, byte[] content, Problem problem, long limit) {

    public enum Problem { NONE, TOO_LARGE, UNAVAILABLE }

    public static ReceivedFile of(String name, byte[] content) {
        return new ReceivedFile(name, content.length, content, Problem.NONE, 0);
    }

    public static ReceivedFile tooLarge(String name, long size, long limit) {
        return new ReceivedFile(name, size, null, Problem.TOO_LARGE, limit);
    }

    public static ReceivedFile unavailable(String name, long size) {
        return new ReceivedFile(name, size, null, Problem.UNAVAILABLE, 0);
    }

    @Override
    public String toString() {
        return "ReceivedFile[" + name + ", " + size + " bytes, " + problem + "]";
    }
}
