package vn.communereport.conversation;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.messaging.Outbound.Button;

/**
 * The one place where a button's action becomes the text a channel carries back ("code|argument") and where
 * that text, which anyone can forge, is read again: unknown codes and malformed arguments give nothing.
 */
@Component
class ActionCodec {

    private final ChannelLimits limits;

    ActionCodec(ChannelLimits limits) {
        this.limits = limits;
    }

    String encode(Action action) {
        String data = action.act().arg == Act.Arg.NONE ? action.act().code : action.act().code + "|" + action.argument();
        if (data.getBytes(StandardCharsets.UTF_8).length > limits.buttonDataBytes()) {
            throw new IllegalArgumentException("Button data over " + limits.buttonDataBytes() + " bytes: " + data);
        }
        return data;
    }

    Button button(String label, Action action) {
        return new Button(label, encode(action));
    }

    Optional<Action> decode(String data) {
        if (data == null || data.getBytes(StandardCharsets.UTF_8).length > limits.buttonDataBytes()) {
            return Optional.empty();
        }
        int bar = data.indexOf('|');
        String code = bar < 0 ? data : data.substring(0, bar);
        String argument = bar < 0 ? "" : data.substring(bar + 1);
        return Act.byCode(code).filter(act -> act.arg.accepts(argument)).map(act -> new Action(act, argument));
    }
}
