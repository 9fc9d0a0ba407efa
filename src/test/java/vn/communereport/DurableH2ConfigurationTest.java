package vn.communereport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurableH2ConfigurationTest {

    @Test
    void embeddedH2FilesWriteOnCommitAndOtherUrlsAreLeftAlone() {
        assertThat(DurableH2Configuration.writeOnCommit("jdbc:h2:file:./data/baocao;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/baocao;AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(DurableH2Configuration.writeOnCommit("jdbc:h2:/tmp/x/baocao")).isEqualTo("jdbc:h2:/tmp/x/baocao;WRITE_DELAY=0");
        assertThat(DurableH2Configuration.writeOnCommit("jdbc:h2:file:./d;write_delay=100")).isEqualTo("jdbc:h2:file:./d;write_delay=100");
        assertThat(DurableH2Configuration.writeOnCommit("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(DurableH2Configuration.writeOnCommit("jdbc:h2:tcp://db/baocao")).isEqualTo("jdbc:h2:tcp://db/baocao");
        assertThat(DurableH2Configuration.writeOnCommit("jdbc:postgresql://host:5432/baocao")).isEqualTo("jdbc:postgresql://host:5432/baocao");
        assertThat(DurableH2Configuration.writeOnCommit(null)).isNull();
    }
}
