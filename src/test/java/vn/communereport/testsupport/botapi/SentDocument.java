package vn.communereport.testsupport.botapi;

import java.time.Instant;

/** A file the bot uploaded with sendDocument (bytes as uploaded). */
public final class SentDocument {
    private final long chatId;
    private final int messageId;
    private final String fileName;
    private final String mimeType;
    private final byte[] bytes;
    private final String fileId;
    private final String fileUniqueId;
    private final Instant sentAt;

    SentDocument(long chatId, int messageId, String fileName, String mimeType, byte[] bytes, String fileId,
                 String fileUniqueId, Instant sentAt) {
        this.chatId = chatId;
        this.messageId = messageId;
        this.fileName = fileName;
        this.mimeType = mimeType;
        this.bytes = bytes.clone();
        this.fileId = fileId;
        this.fileUniqueId = fileUniqueId;
        this.sentAt = sentAt;
    }

    public long chatId() {
        return chatId;
    }

    public int messageId() {
        return messageId;
    }

    public String fileName() {
        return fileName;
    }

    public String mimeType() {
        return mimeType;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public String fileId() {
        return fileId;
    }

    public String fileUniqueId() {
        return fileUniqueId;
    }

    public Instant sentAt() {
        return sentAt;
    }

    @Override
    public String toString() {
        return "document " + fileName + " (" + bytes.length + " bytes, message " + messageId + ")";
    }
}
