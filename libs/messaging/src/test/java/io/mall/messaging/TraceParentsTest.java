package io.mall.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentsTest {

    @Test
    void aVersion00TraceparentNamesItsTraceAndSpan() {
        var span = TraceParents.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").orElseThrow();

        assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(span.getSpanId()).isEqualTo("b7ad6b7169203331");
        assertThat(span.isSampled()).isTrue();
        assertThat(span.isRemote()).isTrue();
    }

    @Test
    void missingMalformedOrAllZeroTraceparentsNameNoTrace() {
        assertThat(TraceParents.parse(null)).isEmpty();
        assertThat(TraceParents.parse("garbage")).isEmpty();
        assertThat(TraceParents.parse("00-00000000000000000000000000000000-b7ad6b7169203331-01")).isEmpty();
        assertThat(TraceParents.parse("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01")).isEmpty();
    }

    @Test
    void outsideASpanThereIsNoTraceparent() {
        assertThat(TraceParents.current()).isNull();
    }
}
