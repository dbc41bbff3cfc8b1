package org.tongpao.core.internal;

import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.SchemaReady;

/**
 * The core data every core service needs before it answers: seeds (node identity, provinces, catalogue)
 * once the migration extender has made the core schema ready, then hands the DataSource, node and
 * provinces to the core services, which reference this component.
 */
@Component(service = CoreSeed.class)
public class CoreSeed {
    private final DataSource dataSource;
    private final NodeIdentity node;
    private final ProvinceRegistry provinces;

    @Activate
    public CoreSeed(@Reference(target = "(" + SchemaReady.PROPERTY + "=" + CoreSchema.NAME + ")") SchemaReady schema,
            @Reference NodeIdentity node, @Reference ProvinceRegistry provinces) {
        this.dataSource = schema.dataSource();
        this.node = node;
        this.provinces = provinces;
        new Seeder(dataSource, node, provinces).seed();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public NodeIdentity node() {
        return node;
    }

    public ProvinceRegistry provinces() {
        return provinces;
    }

    /** A province filter as given, or 400 when it names no province. */
    String knownProvince(String province) {
        if (province != null && !provinces.isValid(province)) {
            throw new ValidationException("province", "unknown province " + province);
        }
        return province;
    }
}
