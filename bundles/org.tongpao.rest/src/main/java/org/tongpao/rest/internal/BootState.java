package org.tongpao.rest.internal;

/** Whether Karaf has finished installing its boot features and is not provisioning features right now. */
interface BootState {
    boolean finished();
}
