package org.tongpao.transport.passes.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.tongpao.transport.passes", name = "Tongpao entry passes")
public @interface PassesConfig {

    @AttributeDefinition(description = "Scheme, host and port (and path prefix) a checkpoint's phone reaches the "
            + "public verification page at, e.g. https://passes.example.gov.cn; a printed QR code encodes "
            + "<this>/api/v1/passes/verify/<code>. Empty: the address the printing request came in on (which follows "
            + "org.tongpao.rest publicBaseUrl)", required = false)
    String verificationBaseUrl() default "";

    @AttributeDefinition(description = "Longest validity window of a pass, in days", min = "1")
    int maxValidityDays() default 30;
}
