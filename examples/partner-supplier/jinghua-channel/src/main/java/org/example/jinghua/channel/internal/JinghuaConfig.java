package org.example.jinghua.channel.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.example.jinghua} ({@code etc/org.example.jinghua.cfg}). */
@ObjectClassDefinition(name = "Jinghua Protective Products channel",
        description = "How Tongpao reaches Jinghua's order system")
public @interface JinghuaConfig {

    @AttributeDefinition(description = "Base URL of Jinghua's order API, e.g. https://orders.jinghua.example")
    String baseUrl() default "http://127.0.0.1:8490";

    /**
     * Key {@code .partnerKey} in the configuration: the leading dot keeps it out of the Channel service's
     * properties, which anyone with console access can list.
     */
    @AttributeDefinition(name = "Partner key", type = AttributeType.PASSWORD,
            description = "Key Jinghua issued to this Tongpao install")
    String _partnerKey();

    @AttributeDefinition(min = "100", max = "60000",
            description = "Time limit of one call to Jinghua in ms; keep it below Tongpao's per-call limit (5000)")
    long timeoutMillis() default 3000;
}
