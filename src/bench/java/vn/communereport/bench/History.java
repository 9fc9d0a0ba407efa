package vn.communereport.bench;

import java.util.Locale;

/**
 * The past a benchmark bot's database holds before it starts: this commune's closed periods, then other communes'
 * ({@code xa-0001}, ...), every question of the definition answered in each period. Either a count of communes and
 * of periods each ({@code 40x10}: 40 communes in all, this one included, 10 past periods each), or a count of answers
 * ({@code 1000}: 20 periods per commune, as many communes as it takes, the last period cut short).
 */
record History(int communes, int periods, long maxAnswers) {

    static History answers(long answers) {
        return new History(Integer.MAX_VALUE, 20, answers);
    }

    static History communes(int communes, int periods) {
        return new History(communes, periods, Long.MAX_VALUE);
    }

    /** "40x10" (communes × periods) or "1000" (answers). */
    static History parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int x = t.indexOf('x');
        if (x > 0) {
            return communes(Integer.parseInt(t.substring(0, x)), Integer.parseInt(t.substring(x + 1)));
        }
        return answers(Long.parseLong(t));
    }

    boolean byCommunes() {
        return maxAnswers == Long.MAX_VALUE;
    }

    /** Answers stored for a definition of {@code questions} questions. */
    long answers(int questions) {
        return byCommunes() ? (long) communes * periods * questions : maxAnswers;
    }

    /** Part of a file or database name. */
    String key() {
        return byCommunes() ? communes + "x" + periods : String.valueOf(maxAnswers);
    }

    @Override
    public String toString() {
        return byCommunes() ? communes + " communes × " + periods + " periods" : maxAnswers + " answers";
    }
}
