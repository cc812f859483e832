"use strict";
// The timeline strip under the network: dated events stacked by type in the palette's colours, by day
// (by week past two years, by month past ten). Drag across it to choose a range, click to clear it.
// Undated events have no place on it: the page counts them apart.
function newsgraphTimeline(svg, info, { colourOf, labelOf, onRange }) {
  const SVG = "http://www.w3.org/2000/svg";
  const DAY = 86400000, BAR_TOP = 4, BAR_HEIGHT = 54, AXIS = 72;
  const toDay = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
  const toIso = (day) => new Date(day * DAY).toISOString().slice(0, 10);
  const monthOf = (day) => { const d = new Date(day * DAY); return d.getUTCFullYear() * 12 + d.getUTCMonth(); };
  const monthStart = (month) => Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY;
  let unit = "day", origin = 0, bins = 0, items = [], range = null, undated = 0, drag = null;

  // bin number of a day, and the first and last day of a bin
  const binOf = (day) => unit === "month" ? monthOf(day) - origin : Math.floor((day - origin) / (unit === "week" ? 7 : 1));
  const binStart = (bin) => unit === "month" ? monthStart(origin + bin) : origin + bin * (unit === "week" ? 7 : 1);
  const binEnd = (bin) => binStart(bin + 1) - 1;

  function setDomain(dates) {
    if (!dates.length) { bins = 0; return; }
    const days = dates.map(toDay), first = Math.min(...days), last = Math.max(...days), span = last - first;
    unit = span > 3653 ? "month" : span > 731 ? "week" : "day";
    origin = unit === "month" ? monthOf(first) : unit === "week" ? first - ((new Date(first * DAY).getUTCDay() + 6) % 7) : first;
    bins = binOf(last) + 1;
  }

  const width = () => svg.clientWidth || 600;
  const xOf = (bin) => (bin / Math.max(bins, 1)) * width();
  const binAt = (x) => Math.max(0, Math.min(bins - 1, Math.floor((x / width()) * bins)));

  function el(name, attributes, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    (parent || svg).appendChild(node);
    return node;
  }

  function draw() {
    svg.replaceChildren();
    if (!bins) { writeInfo(); return; }
    const counts = Array.from({ length: bins }, () => new Map());
    for (const { date, type } of items) {
      const bin = binOf(toDay(date));
      counts[bin].set(type, (counts[bin].get(type) || 0) + 1);
    }
    const tallest = Math.max(1, ...counts.map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
    const barWidth = width() / bins;
    counts.forEach((byType, bin) => {
      let y = BAR_TOP + BAR_HEIGHT;
      const group = el("g", { "data-bin": bin });
      const parts = [];
      for (const [type, n] of [...byType.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const h = (n / tallest) * BAR_HEIGHT;
        y -= h;
        el("rect", { x: xOf(bin), y, width: Math.max(barWidth - (barWidth > 3 ? 1 : 0), 2), height: h, fill: colourOf(type) }, group);
        parts.push(labelOf(type, n));
      }
      if (parts.length) el("title", {}, group).textContent = `${label(bin)}: ${parts.join(", ")}`;
    });
    el("line", { x1: 0, x2: width(), y1: BAR_TOP + BAR_HEIGHT + 0.5, y2: BAR_TOP + BAR_HEIGHT + 0.5, stroke: "#999" });
    const ticks = Math.min(bins, Math.max(2, Math.floor(width() / 110)));
    for (let k = 0; k < ticks; k++) {
      const bin = Math.round((k / Math.max(ticks - 1, 1)) * (bins - 1));
      const anchor = k === 0 ? "start" : k === ticks - 1 ? "end" : "middle";
      const x = k === ticks - 1 ? width() : xOf(bin) + (k === 0 ? 0 : barWidth / 2);
      el("text", { x, y: AXIS, "font-size": 10, fill: "#555", "text-anchor": anchor }).textContent = label(bin);
    }
    if (range) {
      const [a, b] = [binOf(toDay(range[0])), binOf(toDay(range[1]))];
      el("rect", { id: "timeline-brush", x: xOf(a), y: 0, width: Math.max(xOf(b + 1) - xOf(a), 2), height: BAR_TOP + BAR_HEIGHT + 2,
                   fill: "rgba(0,0,0,0.08)", stroke: "#333", "stroke-width": 1 });
    }
    if (drag) {
      const [a, b] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
      el("rect", { x: a, y: 0, width: Math.max(b - a, 1), height: BAR_TOP + BAR_HEIGHT + 2, fill: "rgba(0,0,0,0.12)" });
    }
    writeInfo();
  }

  const label = (bin) => unit === "month" ? toIso(binStart(bin)).slice(0, 7) : toIso(binStart(bin));

  function writeInfo() {
    const inRange = range ? items.filter((i) => i.date >= range[0] && i.date <= range[1]).length : items.length;
    const parts = [bins ? `${items.length.toLocaleString("en")} dated events by ${unit}` : "no dated events"];
    parts.push(range ? `${range[0]} – ${range[1]}: ${inRange.toLocaleString("en")} in range (click the strip to clear)`
                     : bins ? "drag across the strip to choose a range" : "");
    parts.push(`${undated.toLocaleString("en")} undated, counted apart`);
    info.textContent = parts.filter(Boolean).join(" · ");
  }

  const xIn = (event) => event.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener("pointerdown", (event) => {
    if (!bins) return;
    drag = { from: xIn(event), to: xIn(event) };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", (event) => { if (drag) { drag.to = xIn(event); draw(); } });
  svg.addEventListener("pointerup", () => {
    if (!drag) return;
    const [a, b] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
    drag = null;
    if (b - a < 3) { range = null; onRange(null, null); }
    else {
      const last = toDay(toIso(binEnd(binAt(b))));
      range = [toIso(binStart(binAt(a))), toIso(last)];
      onRange(range[0], range[1]);
    }
    draw();
  });
  window.addEventListener("resize", () => draw());

  return {
    setDomain,
    // the events to stack (those passing every filter but the dates), and how many have no date
    setItems(dated, undatedCount) { items = dated; undated = undatedCount; draw(); },
    setRange(from, to) { range = from || to ? [from || toIso(binStart(0)), to || toIso(binEnd(bins - 1))] : null; draw(); },
  };
}
