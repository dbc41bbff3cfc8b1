package org.tongpao.rest.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.time.Duration;
import java.util.Iterator;

/**
 * Documents {@link Duration} as what the API reads and writes (an ISO-8601 string such as {@code PT1H},
 * see {@link JsonSupport}) instead of swagger's bean view of the class ({@code seconds}, {@code nano},
 * {@code units}...). Here and not on each record: the carrier SPI's records must not depend on swagger.
 */
final class IsoDurations implements ModelConverter {
    static final IsoDurations INSTANCE = new IsoDurations();

    private IsoDurations() {
    }

    /** Registers once with swagger's shared converters (the document generator reads them). */
    static void register() {
        ModelConverters converters = ModelConverters.getInstance();
        synchronized (IsoDurations.class) {
            if (!converters.getConverters().contains(INSTANCE)) {
                converters.addConverter(INSTANCE);
            }
        }
    }

    static void unregister() {
        synchronized (IsoDurations.class) {
            ModelConverters.getInstance().removeConverter(INSTANCE);
        }
    }

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (type != null && type.getType() != null) {
            JavaType t = TypeFactory.defaultInstance().constructType(type.getType());
            if (Duration.class.equals(t.getRawClass())) {
                return new StringSchema().format("duration").example("PT1H")
                        .description("ISO-8601 duration, e.g. PT1H, PT24H, P2D");
            }
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
