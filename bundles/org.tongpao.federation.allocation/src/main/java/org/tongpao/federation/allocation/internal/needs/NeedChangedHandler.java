package org.tongpao.federation.allocation.internal.needs;

import static org.tongpao.federation.allocation.internal.needs.NeedContracts.text;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.NeedService;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;

/**
 * At central: a province's need, stored as a replica through {@link NeedService#replicate} as the province's
 * link (its officer scope: a unit or depot of another province is refused). The need's key must name the
 * sending node; an older copy than the one stored changes nothing.
 */
// newer-wins: NeedService.replicate ignores a copy whose version is not newer, so the inbox may forget its id
@Component(property = {MessageHandler.TYPE + "=" + NeedContracts.NEED_CHANGED, MessageHandler.MAJOR + ":Integer=1",
        MessageHandler.REDELIVERY + "=" + MessageHandler.NEWER_WINS})
public class NeedChangedHandler implements MessageHandler {
    private final NeedService needs;

    @Activate
    public NeedChangedHandler(@Reference NeedService needs) {
        this.needs = needs;
    }

    @Override
    public void apply(Message message, Caller sender) {
        Map<String, Object> b = message.body();
        String key = text(b, "need");
        if (!key.startsWith(message.from() + "/")) {
            throw new AccessDeniedException(message.from() + " may only report its own needs, not " + key);
        }
        needs.replicate(sender, NeedContracts.replica(b));
    }
}
