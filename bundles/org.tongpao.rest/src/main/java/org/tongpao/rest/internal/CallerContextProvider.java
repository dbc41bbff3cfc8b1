package org.tongpao.rest.internal;

import org.apache.cxf.jaxrs.ext.ContextProvider;
import org.apache.cxf.message.Message;
import org.tongpao.core.Caller;

/** Lets resource methods declare {@code @Context Caller caller}; null on a public method called anonymously. */
final class CallerContextProvider implements ContextProvider<Caller> {
    @Override
    public Caller createContext(Message message) {
        return RequestState.caller(message);
    }
}
