// The tickwire desk page: the gateway's own WebSocket protocol (docs/protocol.md), nothing else. It keeps its
// state in window.tickwireDesk so that an operator's console, and the browser test, can read what it shows.
(function () {
  "use strict";
  const params = new URLSearchParams(location.search);
  const key = params.get("key");
  const MAX_BARS = 600;
  const GREEN = new Set(["up", "recovered"]);
  const AMBER = new Set(["degraded", "polling", "backfilling"]);
  const RED = new Set(["down", "failed"]);

  const desk = window.tickwireDesk = {
    symbol: params.get("symbol"), timeframe: params.get("tf") || "1s",
    symbols: [], bars: new Map(), setups: new Map(), alerts: [], clusters: new Map(),
    badgeHistory: [], lagMillis: {}, barsClosed: 0, drawnBars: 0, drawnSetupLines: 0, lastLatencyMicros: null, errors: [],
  };
  const $ = (id) => document.getElementById(id);
  let ws = null;
  let requestId = 0;
  let chart = null;
  let chartSubscription = null;

  function url() {
    const u = new URL("/ws", location.href);
    u.protocol = location.protocol === "https:" ? "wss:" : "ws:";
    if (key) u.searchParams.set("key", key);
    return u.toString();
  }

  function send(message) {
    message.id = ++requestId;
    ws.send(JSON.stringify(message));
    return message.id;
  }

  function connect() {
    ws = new WebSocket(url());
    ws.onopen = () => { $("connection").textContent = "connected"; };
    ws.onclose = (e) => {
      $("connection").textContent = "disconnected (" + e.code + (e.reason ? ": " + e.reason : "") + "), retrying";
      for (const c of desk.clusters.keys()) setBadge(c, "down", "gateway connection lost");
      setTimeout(connect, 2000);
    };
    ws.onmessage = (e) => onMessage(JSON.parse(e.data));
  }

  function onMessage(m) {
    switch (m.type) {
      case "welcome":
        send({op: "subscribe", channels: ["status", "prices", "setups", "alerts"], symbols: ["*"]});
        if (desk.symbol) subscribeChart();
        break;
      case "price": onPrice(m); break;
      case "trade": onTrade(m); break;
      case "bar": onBar(m); break;
      case "status": onStatus(m); break;
      case "setup": onSetup(m); break;
      case "alert": onAlert(m); break;
      case "error": desk.errors.push(m); $("connection").textContent = "error: " + m.message; break;
      case "closing": $("connection").textContent = "closing: " + m.reason; break;
      default: break; // subscribed, snapshot_end, replay_end, heartbeat, pong: nothing to show
    }
  }

  function onPrice(m) {
    if (!desk.symbols.includes(m.sym)) {
      desk.symbols.push(m.sym);
      desk.symbols.sort();
      const select = $("symbol");
      select.replaceChildren(...desk.symbols.map((s) => new Option(s, s, false, s === desk.symbol)));
      if (!desk.symbol) {
        desk.symbol = m.sym;
        select.value = m.sym;
        subscribeChart();
      }
    }
    if (m.sym === desk.symbol) $("last").textContent = m.sym + " " + m.price;
    if (!m.snapshot && m.rt && m.t) { // the feed's lag: its event time to tickwire's receipt, per cluster
      const cluster = m.sym.startsWith("I:") ? "indices" : m.sym.startsWith("O:") ? "options" : "stocks";
      desk.lagMillis[cluster] = Math.max(0, (m.rt - m.t) / 1e6);
      const badge = desk.clusters.get(cluster);
      if (badge) badge.textContent = cluster + " " + badge.dataset.state + " · lag " + formatLag(desk.lagMillis[cluster]);
    }
  }

  function formatLag(ms) {
    return ms < 1000 ? ms.toFixed(0) + " ms" : (ms / 1000).toFixed(1) + " s";
  }

  function onTrade(m) {
    if (m.sym !== desk.symbol || m.snapshot || m.replay) return;
    $("last").textContent = m.sym + " " + m.price;
    if (m.gt && m.rt) {
      desk.lastLatencyMicros = Math.max(0, (m.gt - m.rt) / 1000);
      $("latency").textContent = "receipt to desk " + desk.lastLatencyMicros.toFixed(0) + " µs";
    }
  }

  // the chart follows one symbol and timeframe: its bars from ten minutes (1 s) or six hours (1 m) back, then live
  function subscribeChart() {
    if (chartSubscription) {
      send({op: "unsubscribe", channels: chartSubscription.channels, symbols: [chartSubscription.symbol]});
    }
    desk.bars.clear();
    const back = desk.timeframe === "1s" ? 10 * 60e3 : 6 * 3600e3;
    chartSubscription = {channels: ["bars." + desk.timeframe, "trades"], symbol: desk.symbol};
    send({op: "subscribe", channels: ["bars." + desk.timeframe], symbols: [desk.symbol],
      start: new Date(Date.now() - back).toISOString()});
    send({op: "subscribe", channels: ["trades"], symbols: [desk.symbol]}); // live only: for the latency
    draw();
  }

  function onBar(m) {
    if (m.sym !== desk.symbol || m.tf !== desk.timeframe) return;
    const known = desk.bars.get(m.start);
    if (!known || m.rev >= known.rev) desk.bars.set(m.start, m); // a revision replaces its bar in place
    if (!known && !m.snapshot && !m.replay) desk.barsClosed++; // closed while the page watched
    while (desk.bars.size > MAX_BARS) desk.bars.delete(desk.bars.keys().next().value);
    draw();
  }

  function onStatus(m) {
    let text = m.cluster + ": " + m.state;
    if (m.gapStart) {
      text += ", gap from " + new Date(m.gapStart / 1e6).toISOString().substring(11, 23) +
        (m.gapEnd ? " to " + new Date(m.gapEnd / 1e6).toISOString().substring(11, 23) : " (open)");
    }
    if (m.t && !m.snapshot) text += ", noticed " + Math.max(0, Date.now() - m.t / 1e6).toFixed(0) + " ms ago";
    if (m.message) text += "\n" + m.message;
    setBadge(m.cluster, m.state, text);
  }

  function setBadge(cluster, state, title) {
    const colour = GREEN.has(state) ? "green" : AMBER.has(state) ? "amber" : RED.has(state) ? "red" : "grey";
    let badge = desk.clusters.get(cluster);
    if (!badge) {
      badge = document.createElement("span");
      badge.id = "badge-" + cluster;
      $("badges").appendChild(badge);
      desk.clusters.set(cluster, badge);
    }
    badge.className = "badge " + colour;
    badge.dataset.state = state;
    badge.textContent = cluster + " " + state +
      (desk.lagMillis[cluster] != null ? " · lag " + formatLag(desk.lagMillis[cluster]) : "");
    badge.title = title;
    desk.badgeHistory.push({cluster: cluster, state: state, colour: colour});
  }

  function onSetup(m) {
    if (m.to === "rejected") return; // a refused command, not a setup's state
    desk.setups.set(m.id, m);
    const rows = [...desk.setups.values()].sort((a, b) => a.id - b.id).map((s) => {
      const row = document.createElement("tr");
      row.id = "setup-" + s.id;
      const entry = s.entry ? s.entry : s.zone ? s.zone[0] + "–" + s.zone[1] : "";
      for (const v of [s.id, s.sym, s.to, entry, s.stop, s.t1, s.t2]) {
        row.appendChild(document.createElement("td")).textContent = v;
      }
      return row;
    });
    document.querySelector("#setups tbody").replaceChildren(...rows);
    draw();
  }

  function onAlert(m) {
    desk.alerts.push(m);
    const item = document.createElement("li");
    item.textContent = new Date(m.t / 1e6).toISOString().substring(11, 19) + " " + m.sym + " #" + m.id + " " +
      m.alert.replaceAll("_", " ") + (m.price ? " at " + m.price : "") +
      (m.value != null && m.value !== 0 ? " (" + m.value + ")" : "");
    $("alerts").prepend(item);
  }

  const LIVE = new Set(["armed", "ready", "triggered", "target1"]);

  function liveSetupsOfSymbol() {
    return [...desk.setups.values()].filter((s) => s.sym === desk.symbol && LIVE.has(s.to));
  }

  // what the chart shows, read by its draw hook and its price range; uPlot itself holds only time and close
  const shown = {o: [], h: [], l: [], c: [], v: [], kind: [], levels: []};

  function data() {
    const bars = [...desk.bars.values()].sort((a, b) => a.start - b.start);
    shown.o = bars.map((b) => b.o);
    shown.h = bars.map((b) => b.h);
    shown.l = bars.map((b) => b.l);
    shown.c = bars.map((b) => b.c);
    shown.v = bars.map((b) => b.v);
    shown.kind = bars.map((b) => b.kind);
    // the price range takes in the setups' levels, so a stop below every bar still shows
    shown.levels = liveSetupsOfSymbol().flatMap((s) => [s.stop, s.t1, s.t2, s.entry, ...(s.zone || [])]
      .filter((v) => v > 0));
    return [bars.map((b) => b.start / 1e9), shown.c];
  }

  function candles(u) {
    const xs = u.data[0];
    const {o, h, l, c, v, kind} = shown;
    const ctx = u.ctx;
    const width = Math.max(1, Math.min(12, (u.bbox.width / Math.max(1, xs.length)) * 0.7));
    const maxVolume = Math.max(1, ...v);
    desk.drawnBars = xs.length;
    ctx.save();
    for (let i = 0; i < xs.length; i++) {
      const x = u.valToPos(xs[i], "x", true);
      const colour = kind[i] === "gap" ? "#f0a030" : kind[i] === "quiet" ? "#6b7280" :
        c[i] >= o[i] ? "#2eb67d" : "#e05260";
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.beginPath();
      ctx.moveTo(x, u.valToPos(h[i], "y", true));
      ctx.lineTo(x, u.valToPos(l[i], "y", true));
      ctx.stroke();
      const y0 = u.valToPos(Math.max(o[i], c[i]), "y", true);
      const y1 = u.valToPos(Math.min(o[i], c[i]), "y", true);
      if (kind[i] === "gap") {
        ctx.setLineDash([3, 2]);
        ctx.strokeRect(x - width / 2, y0, width, Math.max(1, y1 - y0));
        ctx.setLineDash([]);
      } else {
        ctx.fillRect(x - width / 2, y0, width, Math.max(1, y1 - y0));
      }
      const barHeight = (v[i] / maxVolume) * u.bbox.height * 0.2; // volume: the bottom fifth
      ctx.globalAlpha = 0.35;
      ctx.fillRect(x - width / 2, u.bbox.top + u.bbox.height - barHeight, width, barHeight);
      ctx.globalAlpha = 1;
    }
    let lines = 0;
    ctx.font = Math.round(11 * devicePixelRatio) + "px system-ui";
    for (const s of liveSetupsOfSymbol()) {
      if (s.zone) { // the entry zone: a band
        const top = u.valToPos(s.zone[1], "y", true);
        const bottom = u.valToPos(s.zone[0], "y", true);
        ctx.fillStyle = "rgba(90, 169, 230, 0.18)";
        ctx.fillRect(u.bbox.left, top, u.bbox.width, Math.max(1, bottom - top));
        lines++;
      }
      for (const [price, colour, label] of [[s.stop, "#e05260", "stop"], [s.t1, "#2eb67d", "t1"],
        [s.t2, "#2eb67d", "t2"], [s.entry, "#5aa9e6", "entry"]]) {
        if (!(price > 0)) continue;
        const y = u.valToPos(price, "y", true);
        ctx.strokeStyle = colour;
        ctx.fillStyle = colour;
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(u.bbox.left, y);
        ctx.lineTo(u.bbox.left + u.bbox.width, y);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.textAlign = "right";
        ctx.fillText("#" + s.id + " " + label + " " + price + " (" + s.to + ")", u.bbox.left + u.bbox.width - 4, y - 3);
        lines++;
      }
    }
    desk.drawnSetupLines = lines;
    ctx.restore();
  }

  function range() {
    const all = [...shown.h, ...shown.l, ...shown.levels].filter((v) => Number.isFinite(v) && v > 0);
    if (all.length === 0) return [0, 1];
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = Math.max((hi - lo) * 0.05, hi * 1e-4);
    return [lo - pad, hi + pad];
  }

  function draw() {
    const d = data();
    if (!chart) {
      chart = new uPlot({
        width: Math.max(400, $("chart").clientWidth), height: 480,
        scales: {x: {time: true}, y: {range: () => range()}},
        axes: [{stroke: "#8f99a8", grid: {stroke: "#2b3240"}},
          {stroke: "#8f99a8", grid: {stroke: "#2b3240"}, size: 70}], // room for a price like 5,999.25
        series: [{}, {label: "close", stroke: "transparent", points: {show: false}}],
        legend: {show: false},
        hooks: {draw: [candles]},
      }, d, $("chart"));
    } else {
      chart.setData(d);
    }
  }

  $("symbol").onchange = (e) => { desk.symbol = e.target.value; subscribeChart(); };
  $("timeframe").value = desk.timeframe;
  $("timeframe").onchange = (e) => { desk.timeframe = e.target.value; if (desk.symbol) subscribeChart(); };
  window.addEventListener("resize", () => chart && chart.setSize({width: $("chart").clientWidth, height: 480}));
  connect();
})();
