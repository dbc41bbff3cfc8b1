package org.tongpao.rest.internal;

/**
 * Whether the live REST server serves every resource registered right now: false while a rebuild is pending
 * or after one failed. {@link HealthResource} answers UP only when it is true, so a client that saw UP finds
 * every installed capability's endpoints.
 */
interface ServerReadiness {
    boolean current();
}
