package io.tickwire.massive;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.config.ConfigException;
import io.tickwire.config.TickwireConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionsTest
{
    @Test
    void shouldCrossChannelsWithSymbols()
    {
        final TickwireConfig config = TickwireConfig.load(null,
            Map.of("feed.stocks.symbols", "SPY,QQQ", "feed.stocks.channels", "T,Q"), Map.of());
        assertEquals(List.of("T.SPY", "Q.SPY", "T.QQQ", "Q.QQQ"), Subscriptions.items(config, Cluster.STOCKS));
    }

    @Test
    void shouldEnforceMassivesCapOfAThousandOptionContractsForQuotes()
    {
        final List<String> contracts = new ArrayList<>();
        for (int i = 0; i < 1001; i++)
        {
            contracts.add(String.format("O:SPY261218C%08d", i * 1000));
        }
        final TickwireConfig config = TickwireConfig.load(null,
            Map.of("feed.options.symbols", String.join(",", contracts), "feed.options.channels", "T,Q"), Map.of());
        final ConfigException ex = assertThrows(ConfigException.class, () -> Subscriptions.items(config, Cluster.OPTIONS));
        assertEquals("feed.options.symbols", ex.key());
        assertTrue(ex.getMessage().contains("at most 1000 contracts"), ex.getMessage());
        final TickwireConfig tradesOnly = config.with(Map.of("feed.options.channels", "T"));
        assertEquals(1001, Subscriptions.items(tradesOnly, Cluster.OPTIONS).size(), "the cap is on quotes");
    }

    @Test
    void shouldRefuseAChannelTheDecoderDoesNotKnow()
    {
        final TickwireConfig config = TickwireConfig.load(null, Map.of("feed.stocks.channels", "T,LULD,NOI,FMV,XYZ"),
            Map.of());
        final ConfigException ex = assertThrows(ConfigException.class, () -> Subscriptions.items(config, Cluster.STOCKS));
        assertTrue(ex.getMessage().contains("XYZ") && ex.getMessage().contains("LULD"), ex.getMessage());
    }
}
