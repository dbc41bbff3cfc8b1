package org.tongpao.security.internal;

import java.util.Map;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngineFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Lets Karaf's {@code jaas:*} user commands manage the tongpao realm: they look the backing engine up by the
 * realm's login-module class, which is ours ({@link TongpaoLoginModule}) rather than Karaf's. The engine is
 * Karaf's properties engine, which encrypts through the realm's {@code encryption.*} options, i.e. with
 * {@link Pbkdf2EncryptionService}.
 */
@Component(service = BackingEngineFactory.class)
public class TongpaoBackingEngineFactory implements BackingEngineFactory {

    private final PropertiesBackingEngineFactory properties = new PropertiesBackingEngineFactory();

    @Override
    public String getModuleClass() {
        return TongpaoLoginModule.class.getName();
    }

    @Override
    public BackingEngine build(Map<String, ?> options) {
        return properties.build(options);
    }
}
