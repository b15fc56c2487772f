package io.mall.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class ViolationPathsTest {

    record Line(@NotBlank String sku, @Max(99) int quantity) {
    }

    record Order(@NotBlank String note, @NotEmpty List<@Valid Line> lines) {
    }

    static class Resource {
        public void place(@Valid Order order) {
        }

        public void search(@NotBlank String q) {
        }
    }

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void dropsTheMethodAndParameterNamesOfABody() throws Exception {
        Order order = new Order(" ", List.of(new Line("A-1", 1)));

        assertThat(paths(method("place", Order.class), order)).containsExactly("note");
    }

    @Test
    void namesAnElementOfAListByItsPosition() throws Exception {
        Order order = new Order("gift", List.of(new Line("A-1", 1), new Line("B-2", 1), new Line("C-3", 100)));

        assertThat(paths(method("place", Order.class), order)).containsExactly("lines[2].quantity");
    }

    @Test
    void keepsTheNameOfAPlainParameterSuchAsAQueryParameter() throws Exception {
        assertThat(paths(method("search", String.class), "")).containsExactly("q");
    }

    @Test
    void namesWhereReadingJsonFailed() {
        ObjectMapper json = new ObjectMapper();

        JsonMappingException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                JsonMappingException.class,
                () -> json.readValue("{\"note\":\"x\",\"lines\":[{\"sku\":\"A\",\"quantity\":1},"
                        + "{\"sku\":\"B\",\"quantity\":\"two\"}]}", Order.class));

        assertThat(ViolationPaths.of(failure)).isEqualTo("lines[1].quantity");
    }

    private static Method method(String name, Class<?> parameter) throws NoSuchMethodException {
        return Resource.class.getMethod(name, parameter);
    }

    private static List<String> paths(Method method, Object argument) {
        Set<ConstraintViolation<Resource>> violations = validator.forExecutables()
                .validateParameters(new Resource(), method, new Object[] { argument });
        return violations.stream().map(v -> ViolationPaths.of(v.getPropertyPath())).toList();
    }
}
