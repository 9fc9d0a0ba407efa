package vn.communereport.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks inside an XLSX (a zip) before any spreadsheet library does, inflating at most the limits: a zip bomb (a
 * small file that unpacks to gigabytes) or a zip of thousands of parts is refused here. POI's own checks
 * ({@code ZipSecureFile}: an entry may not inflate more than 100 times its packed size) still apply after.
 */
final class ZipGuard {

    /** Parts of the zip; a template has about 15. */
    static final int MAX_ENTRIES = 500;
    /** Unpacked bytes of one part: the largest, the shared strings of 40 full narrative cells, is ~4 MB. */
    static final long MAX_ENTRY_BYTES = 24L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    /** Unpacked bytes per packed byte over the whole file, above a first megabyte. */
    static final int MAX_RATIO = 100;

    /** {@code NOT_ZIP} also for a zip with no workbook in it (a .docx, a .zip of photos). */
    enum Verdict { ZIP, NOT_ZIP, DAMAGED, BOMB }

    private ZipGuard() {
    }

    static Verdict check(byte[] file) {
        long total = 0;
        int entries = 0;
        boolean workbook = false;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                workbook |= entry.getName().startsWith("xl/");
                if (++entries > MAX_ENTRIES) {
                    return Verdict.BOMB;
                }
                long size = 0;
                int read;
                while ((read = read(zip, buffer)) > 0) {
                    size += read;
                    total += read;
                    if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES
                            || (total > 1024 * 1024 && total > (long) MAX_RATIO * file.length)) {
                        return Verdict.BOMB;
                    }
                }
                if (entry.isDirectory() && size > 0) {
                    return Verdict.DAMAGED;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return entries == 0 ? Verdict.NOT_ZIP : Verdict.DAMAGED;
        }
        return entries == 0 || !workbook ? Verdict.NOT_ZIP : Verdict.ZIP;
    }

    private static int read(InputStream in, byte[] buffer) throws IOException {
        return in.read(buffer, 0, buffer.length);
    }
}
