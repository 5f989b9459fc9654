package io.tickwire.client.example;

import io.tickwire.client.Bar;
import io.tickwire.client.DeskListener;
import io.tickwire.client.DeskMessage;
import io.tickwire.client.TickwireClient;
import io.tickwire.client.Trade;

import java.net.URI;
import java.util.List;

/**
 * A desk's program (docs/client.md): SPY's trades and 1 s bars from a gateway, printed as they come, across
 * any number of gateway restarts. Run it beside `bin/tickwire demo`:
 * <pre>java -cp client/target/classes:client/target/test-classes:$JACKSON io.tickwire.client.example.DeskExample ws://127.0.0.1:8080/ws</pre>
 * Compiled by the build, so it cannot fall behind the client's API.
 */
public final class DeskExample
{
    private DeskExample()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        final URI gateway = URI.create(args.length > 0 ? args[0] : "ws://127.0.0.1:8080/ws");
        final String key = System.getenv("TICKWIRE_KEY"); // null on an open gateway (the demo)
        try (TickwireClient client = TickwireClient.builder(gateway).key(key).listener(new DeskListener()
        {
            @Override
            public void onTrade(final Trade trade)
            {
                System.out.printf("%s %s x %s%s%n", trade.symbol(), trade.price(), trade.size(),
                    trade.message().isReplay() ? " (replayed after a reconnect)" : "");
            }

            @Override
            public void onBar(final Bar bar)
            {
                System.out.printf("%s %s bar: o %s h %s l %s c %s v %s%n", bar.symbol(), bar.timeframe(), bar.open(),
                    bar.high(), bar.low(), bar.close(), bar.volume());
            }

            @Override
            public void onNotice(final DeskMessage notice)
            {
                System.out.println("gateway says: " + notice);
            }

            @Override
            public void onDisconnected(final String reason)
            {
                System.out.println("disconnected (" + reason + "); resuming where it stopped");
            }
        }).connect())
        {
            client.subscribe(List.of("trades", "bars.1s"), List.of("SPY"));
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
