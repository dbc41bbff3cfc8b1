package org.tongpao.rest.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.apache.cxf.jaxrs.JAXRSInvoker;
import org.apache.cxf.jaxrs.impl.PropertyHolderFactory;
import org.apache.cxf.jaxrs.model.OperationResourceInfo;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.IdempotencyKeys.Answered;
import org.tongpao.core.rest.AnsweredInOneCommit;

/**
 * Runs the resource method of a write that carries an {@code Idempotency-Key} through
 * {@link IdempotencyKeys#answered} when the operation is {@link AnsweredInOneCommit}: the key's claim, the services'
 * writes and the first answer commit together, one commit instead of three (claim, write, answer) and no moment at
 * which the write is settled but its answer missing. Opt-in, because the one transaction spans the whole method: a
 * saga that calls a carrier mid-way must commit its steps apart. {@link IdempotentAnswers} then sends the stored
 * answer (and still stores, after the commit, the answers of refusals, of methods that return no {@code Response}
 * and of operations that are not {@link AnsweredInOneCommit}).
 */
final class AnsweringInvoker extends JAXRSInvoker {
    private final IdempotentAnswers answers;

    AnsweringInvoker(IdempotentAnswers answers) {
        this.answers = answers;
    }

    @Override
    protected Object performInvocation(Exchange exchange, Object serviceObject, Method m, Object[] paramArray)
            throws Exception {
        Message in = exchange.getInMessage();
        Caller caller = RequestState.caller(in);
        String key = header(in, IdempotencyKeys.HEADER);
        if (caller == null || key == null || !IdempotentAnswers.WRITES.contains(in.get(Message.HTTP_REQUEST_METHOD))
                || !inOneCommit(serviceObject, m)) {
            return super.performInvocation(exchange, serviceObject, m, paramArray);
        }
        MediaType produces = produces(exchange);
        try {
            Answered<Object> done = answers.keys().answered(caller, key, m.getName(),
                    () -> invokeUnwrapped(exchange, serviceObject, m, paramArray),
                    result -> result instanceof Response r ? answers.candidate(r, produces) : null);
            if (done.answer() != null) {
                PropertyHolderFactory.getPropertyHolder(in).setProperty(IdempotentAnswers.STORED_PROPERTY,
                        done.answer());
            }
            return done.result();
        } catch (Exception | Error e) {
            // CXF maps what the resource method threw, as it would have without the transaction
            throw new InvocationTargetException(e);
        }
    }

    /** Whether the operation declared that its work is this node's database only ({@link AnsweredInOneCommit}). */
    private static boolean inOneCommit(Object serviceObject, Method m) {
        return m.isAnnotationPresent(AnsweredInOneCommit.class)
                || m.getDeclaringClass().isAnnotationPresent(AnsweredInOneCommit.class)
                || serviceObject.getClass().isAnnotationPresent(AnsweredInOneCommit.class);
    }

    /** The method's own exception, so the transaction sees a refusal or a transient failure as such. */
    private Object invokeUnwrapped(Exchange exchange, Object serviceObject, Method m, Object[] paramArray)
            throws Exception {
        try {
            return super.performInvocation(exchange, serviceObject, m, paramArray);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The first type the matched operation produces, when concrete; null otherwise. */
    private static MediaType produces(Exchange exchange) {
        OperationResourceInfo operation = exchange.get(OperationResourceInfo.class);
        List<MediaType> types = operation == null ? List.of() : operation.getProduceTypes();
        return types.isEmpty() || types.get(0).isWildcardType() || types.get(0).isWildcardSubtype() ? null
                : types.get(0);
    }

    private static String header(Message in, String name) {
        // CXF keeps the headers in a case-insensitive map
        if (in.get(Message.PROTOCOL_HEADERS) instanceof Map<?, ?> headers
                && headers.get(name) instanceof List<?> values && !values.isEmpty()) {
            return String.valueOf(values.get(0));
        }
        return null;
    }
}
