package org.tongpao.rest.internal;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.DeploymentEvent;
import org.apache.karaf.features.DeploymentListener;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Boot provisioning is finished when Karaf has registered {@link BootFinished} (all boot features installed
 * and started) and no feature deployment is running (a {@code feature:install} later on). Karaf tells a new
 * listener the last deployment event straight away, so the state is right from activation.
 */
@Component(service = BootState.class)
public final class ProvisioningWatch implements BootState, DeploymentListener {
    private final FeaturesService features;
    private volatile DeploymentEvent last = DeploymentEvent.DEPLOYMENT_STARTED;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile BootFinished bootFinished;

    @Activate
    public ProvisioningWatch(@Reference FeaturesService features) {
        this.features = features;
        features.registerListener(this);
    }

    @Deactivate
    void deactivate() {
        features.unregisterListener(this);
    }

    @Override
    public void deploymentEvent(DeploymentEvent event) {
        last = event;
    }

    @Override
    public boolean finished() {
        return finished(bootFinished != null, last);
    }

    static boolean finished(boolean bootFinished, DeploymentEvent last) {
        return bootFinished && last == DeploymentEvent.DEPLOYMENT_FINISHED;
    }
}
