package org.tongpao.core.internal;

import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.spi.MasterDataOwner;

/**
 * The core data every core service needs before it answers: seeds (node identity, provinces, catalogue)
 * once the migration extender has made the core schema ready, then hands the DataSource, node and
 * provinces to the core services, which reference this component. It also holds who owns the master data
 * ({@link MasterDataOwner}, federation's), which every org-unit, catalogue and depot write asks first.
 */
@Component(service = CoreSeed.class)
public class CoreSeed {
    private final DataSource dataSource;
    private final NodeIdentity node;
    private final ProvinceRegistry provinces;
    private volatile MasterDataOwner masterDataOwner;

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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindMasterDataOwner")
    public void bindMasterDataOwner(MasterDataOwner owner) {
        this.masterDataOwner = owner;
    }

    public void unbindMasterDataOwner(MasterDataOwner owner) {
        if (this.masterDataOwner == owner) {
            this.masterDataOwner = null;
        }
    }

    /** 409 naming the owning node when {@code caller} may not change {@code what} (master data) on this node. */
    void requireLocalMasterData(Caller caller, String what) {
        MasterDataOwner owner = masterDataOwner;
        if (owner != null) {
            owner.remoteOwner(caller).ifPresent(node -> {
                throw new ConflictException(what + " are master data owned by node " + node
                        + ": change them there; this node takes them from it");
            });
        }
    }

    /** A province filter as given, or 400 when it names no province. */
    String knownProvince(String province) {
        if (province != null && !provinces.isValid(province)) {
            throw new ValidationException("province", "unknown province " + province);
        }
        return province;
    }
}
