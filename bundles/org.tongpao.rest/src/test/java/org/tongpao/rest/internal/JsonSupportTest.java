package org.tongpao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonView;
import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

class JsonSupportTest {

    @Operation(summary = "a resource method as our resources write them")
    void documented() {
    }

    @Operation(summary = "with a Jackson view")
    @JsonView(Object.class)
    void withView() {
    }

    @Test
    void theWriterIsGivenOnlyJacksonsOwnAnnotations() throws Exception {
        Annotation[] documented = getClass().getDeclaredMethod("documented").getAnnotations();
        Annotation[] withView = getClass().getDeclaredMethod("withView").getAnnotations();

        assertThat(JsonSupport.JsonProvider.jacksonOnly(documented)).isEmpty();
        assertThat(JsonSupport.JsonProvider.jacksonOnly(null)).isEmpty();
        assertThat(JsonSupport.JsonProvider.jacksonOnly(withView)).singleElement()
                .satisfies(a -> assertThat(a.annotationType()).isEqualTo(JsonView.class));
    }

    @Test
    void answersAreWrittenAsBefore() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonSupport.provider().writeTo(Map.of("quantity", 1), Map.class, Map.class,
                getClass().getDeclaredMethod("documented").getAnnotations(), MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"quantity\":1}");
    }
}
