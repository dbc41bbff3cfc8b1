package org.example.express.carrier.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.example.express} ({@code etc/org.example.express.cfg}). */
@ObjectClassDefinition(name = "Express Logistics carrier", description = "How Tongpao reaches Express Logistics' order API")
public @interface ExpressConfig {

    @AttributeDefinition(description = "Base URL of Express' order API, e.g. https://api.express.example")
    String baseUrl() default "http://127.0.0.1:8480";

    /**
     * Key {@code .apiKey} in the configuration: the leading dot keeps it out of the Carrier service's
     * properties, which anyone with console access can list.
     */
    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD,
            description = "API key Express issued to this Tongpao install")
    String _apiKey();

    @AttributeDefinition(min = "100", max = "60000",
            description = "Time limit of one call to Express in ms; keep it below Tongpao's per-call limit (5000)")
    long timeoutMillis() default 3000;
}
