package io.mall.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpamModelTest {

    private final List<SpamModel.Example> examples = List.of(
            new SpamModel.Example("정말 편하고 좋아요 사이즈도 딱 맞아요", false),
            new SpamModel.Example("배송이 늦었지만 제품은 괜찮아요", false),
            new SpamModel.Example("Comfortable shoes, true to size.", false),
            new SpamModel.Example("최저가 판매 카톡 문의 주세요 할인 쿠폰 드림", true),
            new SpamModel.Example("Cheap replica bags, contact us for wholesale prices", true),
            new SpamModel.Example("토토 사이트 가입 쿠폰 지급 카톡 문의", true));

    @Test
    void itLearnsWhichWordsSpamUses() {
        SpamModel model = SpamModel.train(examples, 10_000, 1, "test");

        assertThat(model.logOdds("할인 쿠폰 카톡 문의")).isPositive();
        assertThat(model.logOdds("사이즈 잘 맞고 편해요")).isNegative();
    }

    @Test
    void theSameExamplesMakeTheSameFileAndItReadsBackTheSameModel() {
        byte[] first = write(SpamModel.train(examples, 10_000, 1, "test"));
        byte[] second = write(SpamModel.train(List.copyOf(examples), 10_000, 1, "test"));

        assertThat(first).isEqualTo(second);
        SpamModel read = SpamModel.read(new ByteArrayInputStream(first));
        assertThat(read.version()).isEqualTo("test");
        assertThat(read.logOdds("카톡 문의")).isEqualTo(SpamModel.train(examples, 10_000, 1, "test").logOdds("카톡 문의"));
    }

    private static byte[] write(SpamModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }
}
