package io.tickwire.gateway;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No desk message can hurt the gateway's request parser: it returns a request or an error with a code and a
 * message, never throws, and a request it accepts names only known channels. Coverage-guided fuzzing in
 * {@code mvn verify}; findings stay in src/test/resources as the regression corpus.
 */
class ClientRequestFuzzTest
{
    private static final GatewayChannels CHANNELS = new GatewayChannels(List.of(1000, 5000, 60_000));

    @FuzzTest(maxDuration = "15s")
    @DictionaryEntries({"{", "}", "[", "]", "\"op\":", "\"subscribe\"", "\"unsubscribe\"", "\"ping\"", "\"id\":",
        "\"channels\":", "\"symbols\":", "\"trades\"", "\"bars.1s\"", "\"SPY\"", "null", "1e999"})
    void shouldAnswerEveryMessage(@NotNull final String text)
    {
        final ClientRequest request = ClientRequest.parse(text, 4096, CHANNELS);
        if (request.isError())
        {
            assertNotNull(request.errorCode);
            assertNotNull(request.errorMessage);
            return;
        }
        assertTrue(List.of("subscribe", "unsubscribe", "ping").contains(request.op), request.op);
        for (final String channel : request.channels)
        {
            assertTrue(CHANNELS.indexOf(channel) >= 0, channel);
        }
    }
}
