package org.tongpao.rest.internal;

import org.apache.cxf.jaxrs.impl.PropertyHolderFactory;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.slf4j.MDC;
import org.tongpao.core.Caller;

/**
 * Per-request values set by our filters with {@code ContainerRequestContext.setProperty} (so partner
 * filters can read them the standard way) and read back here from the CXF message. CXF keeps such
 * properties as servlet request attributes when there is a servlet request, hence PropertyHolderFactory.
 */
final class RequestState {
    static final String REQUEST_ID_PROPERTY = "org.tongpao.rest.requestId";
    static final String CALLER_PROPERTY = "org.tongpao.rest.caller";

    private RequestState() {
    }

    /** The in-message of the request being processed on this thread, or null outside a request. */
    static Message inMessage(Message m) {
        if (m == null) {
            return null;
        }
        Message in = m.getExchange() == null ? null : m.getExchange().getInMessage();
        return in == null ? m : in;
    }

    private static Object property(Message in, String name) {
        return in == null ? null : PropertyHolderFactory.getPropertyHolder(in).getProperty(name);
    }

    static String requestId() {
        Message in = inMessage(PhaseInterceptorChain.getCurrentMessage());
        Object id = property(in, REQUEST_ID_PROPERTY);
        // the MDC holds the same id for the thread; it covers a mapper running outside the chain
        return id != null ? id.toString() : MDC.get(RestConstants.MDC_REQUEST_ID);
    }

    /** The request path (without query), used as the problem's {@code instance}. */
    static String path() {
        Message in = inMessage(PhaseInterceptorChain.getCurrentMessage());
        Object uri = in == null ? null : in.get(Message.REQUEST_URI);
        return uri == null ? null : uri.toString();
    }

    static Caller caller(Message m) {
        Message in = inMessage(m);
        Object c = property(in, CALLER_PROPERTY);
        return c instanceof Caller ? (Caller) c : null;
    }
}
