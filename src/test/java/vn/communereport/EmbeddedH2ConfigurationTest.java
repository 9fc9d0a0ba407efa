package vn.communereport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedH2ConfigurationTest {

    @Test
    void embeddedH2FilesWriteOnCommitAndCacheStatementsAndOtherUrlsAreLeftAlone() {
        assertThat(EmbeddedH2Configuration.tuned("jdbc:h2:file:./data/baocao;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/baocao;AUTO_SERVER=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64");
        assertThat(EmbeddedH2Configuration.tuned("jdbc:h2:/tmp/x/baocao")).isEqualTo("jdbc:h2:/tmp/x/baocao;WRITE_DELAY=0;QUERY_CACHE_SIZE=64");
        // a setting the URL names is the URL's
        assertThat(EmbeddedH2Configuration.tuned("jdbc:h2:file:./d;write_delay=100")).isEqualTo("jdbc:h2:file:./d;write_delay=100;QUERY_CACHE_SIZE=64");
        assertThat(EmbeddedH2Configuration.tuned("jdbc:h2:file:./d;QUERY_CACHE_SIZE=8")).isEqualTo("jdbc:h2:file:./d;QUERY_CACHE_SIZE=8;WRITE_DELAY=0");
        assertThat(EmbeddedH2Configuration.tuned("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(EmbeddedH2Configuration.tuned("jdbc:h2:tcp://db/baocao")).isEqualTo("jdbc:h2:tcp://db/baocao");
        assertThat(EmbeddedH2Configuration.tuned("jdbc:postgresql://host:5432/baocao")).isEqualTo("jdbc:postgresql://host:5432/baocao");
        assertThat(EmbeddedH2Configuration.tuned(null)).isNull();
    }
}
