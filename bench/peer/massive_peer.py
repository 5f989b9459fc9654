#!/usr/bin/env python3
"""The peer a desk would otherwise run: a plain Python consumer of Massive's WebSocket, written the way Massive's
official Python client works (websockets and json, a callback per event, per-symbol 1 s bars in dicts), reading
the simulator directly. `bin/bench peer` runs it beside a desk behind tickwire, on the same simulator, in the same
window. Measures, for SPY's trades, receipt wall time minus the trade's time t (ms), and prints one JSON line.

usage: massive_peer.py URL KEY SYMBOLS WARMUP_SECONDS DURATION_SECONDS
Needs Debian's python3-websockets (Python packages come from Debian here, not PyPI).
"""
import asyncio
import json
import sys
import time

import websockets


def on_trade(bars, event):
    """The desk's work per trade: the symbol's 1 s bar, in a dict."""
    symbol, price, second = event["sym"], event["p"], event["t"] // 1000
    bar = bars.get(symbol)
    if bar is None or bar["second"] != second:
        bars[symbol] = {"second": second, "open": price, "high": price, "low": price, "close": price,
                        "volume": event.get("s", 0), "trades": 1}
        return
    bar["high"] = max(bar["high"], price)
    bar["low"] = min(bar["low"], price)
    bar["close"] = price
    bar["volume"] += event.get("s", 0)
    bar["trades"] += 1


async def consume(url, key, symbols, warmup, duration):
    lags, bars, events = [], {}, 0
    async with websockets.connect(url, max_size=None, ping_interval=None) as ws:
        await ws.send(json.dumps({"action": "auth", "params": key}))
        await ws.send(json.dumps({"action": "subscribe",
                                  "params": ",".join("T.%s,Q.%s" % (s, s) for s in symbols)}))
        measure_from = time.monotonic() + warmup
        end = measure_from + duration
        while True:
            left = end - time.monotonic()
            if left <= 0:
                break
            try:
                message = await asyncio.wait_for(ws.recv(), timeout=left)
            except asyncio.TimeoutError:
                break
            received = time.time_ns()
            measuring = time.monotonic() >= measure_from
            for event in json.loads(message):
                events += 1
                if event.get("ev") == "T":
                    on_trade(bars, event)
                    if measuring and event["sym"] == "SPY":
                        lags.append(received - event["t"] * 1_000_000)
    return lags, bars, events


def percentile(ordered, p):
    return ordered[min(len(ordered) - 1, int(p / 100.0 * len(ordered)))] if ordered else None


def main():
    url, key, symbols, warmup, duration = sys.argv[1], sys.argv[2], sys.argv[3].split(","), float(sys.argv[4]), \
        float(sys.argv[5])
    lags, bars, events = asyncio.run(consume(url, key, symbols, warmup, duration))
    lags.sort()
    print(json.dumps({"samples": len(lags), "events": events, "symbols": len(bars),
                      "p50": percentile(lags, 50), "p90": percentile(lags, 90), "p99": percentile(lags, 99),
                      "p99.9": percentile(lags, 99.9), "max": lags[-1] if lags else None}))


if __name__ == "__main__":
    main()
