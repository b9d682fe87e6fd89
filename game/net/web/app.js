// The student page: joins the teacher's game over the websocket at /ws (docs/CLASSROOM.md) and shows what
// the host sends this seat, nothing more. It builds every element with textContent, never from HTML strings,
// so nothing a scenario or a player writes can run here. No build step, nothing loaded from outside.
"use strict";

// Every sentence the page says, in one place.
const TEXT = {
  connecting: "Connecting to the teacher's game…",
  connected: "Connected.",
  reconnecting: (s) => `Connection lost: trying again in ${s} s…`,
  taken: "taken",
  free: "free",
  delegation: (n) => `Delegation: ${n}`,
  briefing: "Your secret brief (only you see it)",
  objectives: "Your personal objectives",
  noObjectives: "No personal objectives: work for your delegation's.",
  delegationObjectives: "Your delegation's objectives",
  may: (v) => `In the game you may: ${v}.`,
  met: "met",
  notMet: "not yet met",
  clock: (o, left) => `Round ${o.turn + 1} of ${o.last_turn + 1} · ${o.date}` + (left === null ? "" : ` · about ${left} min left to negotiate`),
  finished: (o) => `The game is over (${o.end_reason || "the last round"}).`,
  exact: "",
  rough: " (as far as your envoys can tell)",
  unknown: "unknown",
  noProposals: "No proposals yet.",
  fromTo: (p) => `No. ${p.id}: from ${p.sender.join(", ")} to ${p.receivers.join(", ")}`,
  status: (p) => `Status: ${p.status}${p.delivered ? "" : " (not yet delivered: it arrives when the round ends)"}`,
  accept: "Accept (sign)",
  reject: "Reject",
  mayNot: (v) => `Your role may not ${v}.`,
  noConferences: "No conferences.",
  conference: (id, c) => `${id}: ${c.state.replace(/_/g, " ")}; attending: ${c.attending.join(", ") || "nobody yet"}`,
  noTreaties: "No treaties signed.",
  treaty: (t) => `${t.title}: ${t.text}${t.in_force ? " (in force)" : " (not in force)"}`,
  noNews: "No news.",
  chooseTo: "Choose at least one power to send the proposal to.",
  chooseClause: "Add at least one clause.",
  remove: "Remove",
  done: "Done.",
  refused: (e) => `Refused: ${e}`,
  wouldAccept: "would accept",
  wouldRefuse: "would refuse",
  total: (v) => `On balance: ${v > 0 ? "+" : ""}${v}`,
  redLines: (r) => `Red lines crossed: ${r.join(", ")}`,
  homeRefusal: (r) => `Signed as it stands, your own government would refuse to ratify it: ${r}.`,
  facilitator: "Facilitator",
  facilitatorBody: "You see everything and may advance the round.",
  observer: "Observer",
  leaveConfirm: "Leave this role? Another student may then take it.",
  example: (seat) => seat === "facilitator" ? "advance" : `${seat}: end`,
};

const $ = (id) => document.getElementById(id);
const store = window.localStorage;
let ws = null, me = null, obs = null, joinInfo = null, retry = 1, roundStart = null, lastTurn = null;

function el(tag, text, attrs) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  return e;
}
function fill(parent, children) { parent.replaceChildren(...children); }
function tokens() { try { return JSON.parse(store.getItem("rapallo.tokens") || "{}"); } catch { return {}; } }
function send(body) { if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(body)); }

// --- connection, with reconnection and the token kept in this browser -----------------------------------
function connect() {
  $("status").textContent = TEXT.connecting;
  ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`);
  ws.onopen = () => {
    retry = 1;
    $("status").textContent = TEXT.connected;
    const code = store.getItem("rapallo.code"), role = store.getItem("rapallo.role");
    if (code && role === "facilitator" && sessionStorage.getItem("rapallo.key")) {
      send({op: "join", code, role, key: sessionStorage.getItem("rapallo.key")});
    } else if (code && role && role !== "facilitator") {
      send({op: "join", code, role, token: tokens()[role] || ""});
    } else if (code) {
      $("code").value = code;
      send({op: "roles"});
    }
  };
  ws.onmessage = (ev) => handle(JSON.parse(ev.data));
  ws.onclose = () => {
    $("status").textContent = TEXT.reconnecting(retry);
    setTimeout(connect, retry * 1000);
    retry = Math.min(retry * 2, 16);
  };
}

function handle(m) {
  if (m.op === "roles") showRoles(m.roles);
  else if (m.op === "joined") joined(m);
  else if (m.op === "observation") { obs = m.data; render(); }
  else if (m.op === "result") $("result").textContent = m.ok ? TEXT.done : TEXT.refused(m.error);
  else if (m.op === "estimate") showEstimates(m.estimates);
  else if (m.op === "error") {
    if (me === null) {
      $("join-error").textContent = m.message;
      store.removeItem("rapallo.role");
      send({op: "roles"});
    } else $("result").textContent = m.message;
  }
}

// --- joining -----------------------------------------------------------------------------------------------
$("code-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  store.setItem("rapallo.code", $("code").value.trim().toUpperCase());
  $("join-error").textContent = "";
  send({op: "roles"});
});
$("key-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const code = $("code").value.trim().toUpperCase();
  store.setItem("rapallo.code", code);
  sessionStorage.setItem("rapallo.key", $("key").value);
  store.setItem("rapallo.role", "facilitator");
  send({op: "join", code, role: "facilitator", key: $("key").value});
});

function showRoles(roles) {
  if (me !== null) return;
  $("roles").hidden = false;
  const groups = new Map();
  for (const r of roles) {
    if (!groups.has(r.delegation_name)) groups.set(r.delegation_name, []);
    groups.get(r.delegation_name).push(r);
  }
  const out = [];
  for (const [name, rs] of groups) {
    const g = el("div", null, {class: "role-group", role: "group", "aria-label": name});
    g.append(el("h4", name));
    for (const r of rs) {
      const b = el("button", `${r.name}${r.title ? ", " + r.title : ""} — ${r.held ? TEXT.taken : TEXT.free}`,
        {type: "button", "data-role": r.id, title: r.public});
      b.disabled = r.held;
      b.addEventListener("click", () => {
        store.setItem("rapallo.role", r.id);
        send({op: "join", code: store.getItem("rapallo.code") || $("code").value.trim().toUpperCase(), role: r.id,
              token: tokens()[r.id] || ""});
      });
      g.append(b, el("p", r.public, {class: "hint"}));
    }
    out.push(g);
  }
  fill($("role-list"), out);
}

function joined(m) {
  me = m; joinInfo = m;
  if (m.token) { const t = tokens(); t[m.role] = m.token; store.setItem("rapallo.tokens", JSON.stringify(t)); }
  store.setItem("rapallo.role", m.role);
  $("join").hidden = true; $("game").hidden = false;
  $("facilitator-tools").hidden = m.seat !== "facilitator";
  $("table").hidden = m.seat === "facilitator" || m.seat === "observer";
  $("command-example").textContent = TEXT.example(m.seat);
  buildDraft();
  renderMe();
}

$("leave").addEventListener("click", () => {
  if (!window.confirm(TEXT.leaveConfirm)) return;
  store.removeItem("rapallo.role");
  location.reload();
});

// --- the view ----------------------------------------------------------------------------------------------
function renderMe() {
  const b = me.brief, body = [];
  if (b) {
    body.push(el("p", `${b.name}${b.title ? ", " + b.title : ""}`, {class: "who"}),
              el("p", TEXT.delegation(powerName(b.delegation))), el("p", b.public),
              el("h3", TEXT.briefing), el("p", b.briefing, {class: "secret", id: "briefing"}),
              el("h3", TEXT.objectives));
    const ol = el("ul");
    for (const o of b.objectives) ol.append(el("li", `${o.title} (${o.points} points)`));
    body.push(b.objectives.length ? ol : el("p", TEXT.noObjectives), el("p", TEXT.may(b.may.join(", "))));
  } else {
    body.push(el("p", me.seat === "facilitator" ? TEXT.facilitator : TEXT.observer),
              el("p", me.seat === "facilitator" ? TEXT.facilitatorBody : ""));
  }
  if (obs && obs.objectives[me.seat]) {
    body.push(el("h3", TEXT.delegationObjectives));
    const ul = el("ul");
    for (const o of obs.objectives[me.seat]) ul.append(el("li", `${o.title} (${o.points}) — ${o.met ? TEXT.met : TEXT.notMet}`));
    body.push(ul);
  }
  fill($("me-body"), body);
}

function render() {
  if (!obs) return;
  if (lastTurn !== obs.turn) { lastTurn = obs.turn; roundStart = Date.now(); }
  renderMe(); renderClock(); renderPowers(); renderProposals(); renderConferences(); renderNews();
}

function renderClock() {
  if (!obs) return;
  if (obs.finished) { $("clock").textContent = TEXT.finished(obs); return; }
  const minutes = joinInfo ? joinInfo.round_minutes : null;
  const left = minutes && roundStart ? Math.max(0, Math.ceil(minutes - (Date.now() - roundStart) / 60000)) : null;
  $("clock").textContent = TEXT.clock(obs, left);
}
setInterval(renderClock, 15000);

let mapLoading = false;
function loadMap() {
  if (mapLoading) return;
  mapLoading = true;
  fetch("map.svg").then((r) => r.text()).then((text) => {
    const svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
    $("map-figure").prepend(document.importNode(svg, true));
    if (obs) shadeMap();
  }).catch(() => { mapLoading = false; });
}

function shadeMap() {
  const status = {[obs.hub]: "hub"};
  for (const p of obs.powers) status[p.id] = String(p.status);
  for (const e of document.querySelectorAll("#map-figure [data-power], #map-figure [data-owner]")) {
    const id = e.getAttribute("data-power") || e.getAttribute("data-owner");
    if (id in status) e.setAttribute("data-status", status[id]);
  }
}

function renderPowers() {
  loadMap();
  shadeMap();
  const rows = [];
  for (const p of obs.powers) {
    const tr = el("tr");
    tr.append(el("th", p.name, {scope: "row"}), el("td", p.leader),
              el("td", p.status_text + (p.exact === false ? TEXT.rough : p.exact === null ? "" : TEXT.exact)),
              el("td", p.attending.join(", ")));
    rows.push(tr);
  }
  fill($("powers"), rows);
}

function powerName(id) { const p = me.powers.find((x) => x.id === id); return p ? p.name : id; }

function canDo(verb) { return !me.brief || me.brief.may.includes(verb); }

function renderProposals() {
  const items = [];
  for (const p of [...obs.proposals].reverse()) {
    const li = el("li");
    li.append(el("strong", TEXT.fromTo(p)), el("div", p.text, {class: "mono"}), el("div", TEXT.status(p)));
    const answered = Object.entries(p.answers).map(([k, v]) => `${k}: ${v}`).join(", ");
    if (answered) li.append(el("div", answered));
    const mine = p.receivers.includes(me.seat) && p.delivered && p.status === "pending" && !(me.seat in p.answers);
    if (mine) {
      for (const [verb, label, response] of [["sign", TEXT.accept, "accept"], ["answer", TEXT.reject, "reject"]]) {
        const b = el("button", label, {type: "button", "data-answer": response, "data-proposal": String(p.id)});
        if (canDo(verb)) b.addEventListener("click", () => send({op: "command", text: `${me.seat}: answer ${p.id} ${response}`}));
        else { b.disabled = true; b.title = TEXT.mayNot(verb); }
        li.append(b);
      }
    }
    items.push(li);
  }
  fill($("proposals"), items.length ? items : [el("li", TEXT.noProposals)]);
}

function renderConferences() {
  const cs = Object.entries(obs.conferences).map(([id, c]) => el("li", TEXT.conference(id, c)));
  fill($("conferences"), cs.length ? cs : [el("li", TEXT.noConferences)]);
  const ts = obs.treaties.map((t) => el("li", TEXT.treaty(t)));
  fill($("treaties"), ts.length ? ts : [el("li", TEXT.noTreaties)]);
}

function renderNews() {
  const ns = obs.news.slice(-12).reverse().map((n) => el("li", `${n.date}: ${n.text}`));
  fill($("news"), ns.length ? ns : [el("li", TEXT.noNews)]);
}

// --- composing a proposal ------------------------------------------------------------------------------------
let drafted = [];

function buildDraft() {
  if (!me || me.seat === "facilitator" || me.seat === "observer") return;
  fill($("to"), me.powers.filter((p) => p.id !== me.seat).map((p) => {
    const id = `to-${p.id}`, wrap = el("span", null, {class: "to"});
    const box = el("input", null, {type: "checkbox", id, value: p.id});
    box.addEventListener("change", draftChanged);
    wrap.append(box, el("label", p.name, {for: id, style: "display:inline; margin-right:.8rem"}));
    return wrap;
  }));
  // A side-talk term (no "parties" on a clause type) is offered only to the powers of its topic.
  const mine = me.clauses.filter((c) => !c.parties || c.parties.includes(me.seat));
  fill($("add-type"), mine.map((c) => el("option", c.title, {value: c.id})));
  $("propose").disabled = !canDo("propose");
  if ($("propose").disabled) $("propose").title = TEXT.mayNot("propose");
  drawClauses();
}

$("add").addEventListener("click", () => {
  const c = me.clauses.find((x) => x.id === $("add-type").value);
  const values = {};
  for (const [k, p] of Object.entries(c.params)) values[k] = String(p.default);
  drafted.push({type: c.id, values});
  drawClauses();
});

function drawClauses() {
  const rows = drafted.map((d, i) => {
    const c = me.clauses.find((x) => x.id === d.type), row = el("div", null, {class: "clause"});
    row.append(el("strong", c.title));
    for (const [k, p] of Object.entries(c.params)) {
      const id = `c${i}-${k}`;
      row.append(el("label", p.title + (p.unit ? ` (${p.unit})` : ""), {for: id}));
      let input;
      if (p.choices) {
        input = el("select", null, {id});
        for (const ch of p.choices) input.append(el("option", ch.replace(/_/g, " "), {value: ch}));
      } else {
        input = el("input", null, {id, type: "number", min: p.min ?? "", max: p.max ?? "", step: p.step ?? "any"});
      }
      input.value = d.values[k];
      input.addEventListener("change", () => { d.values[k] = input.value; draftChanged(); });
      row.append(input);
    }
    row.append(el("button", TEXT.remove, {type: "button", onclick: () => { drafted.splice(i, 1); drawClauses(); }}));
    return row;
  });
  fill($("clauses"), rows);
  draftChanged();
}

function draftText() {
  const to = [...document.querySelectorAll("#to input:checked")].map((b) => b.value);
  if (!to.length || !drafted.length) return null;
  const clauses = drafted.map((d) => {
    const ps = Object.entries(d.values).map(([k, v]) => `${k}=${v}`);
    return ps.length ? `${d.type}(${ps.join(", ")})` : d.type;
  });
  return `${me.seat}: propose ${to.join(",")}: ${clauses.join(" + ")}`;
}

function draftChanged() {
  const t = draftText();
  $("draft-text").textContent = t || (drafted.length ? TEXT.chooseTo : TEXT.chooseClause);
  $("estimate").disabled = !t;
}

$("estimate").addEventListener("click", () => { const t = draftText(); if (t) send({op: "estimate", text: t}); });
$("draft").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const t = draftText();
  if (t) send({op: "command", text: t});
});

function showEstimates(list) {
  fill($("estimates"), list.map((v) => {
    const d = el("div", null, {class: "clause"});
    d.append(el("strong", `${v.power_name} ${v.accepted ? TEXT.wouldAccept : TEXT.wouldRefuse}${v.exact ? "" : TEXT.rough}`,
                {class: v.accepted ? "verdict-yes" : "verdict-no"}));
    const ul = el("ul");
    for (const [label, value] of v.lines) ul.append(el("li", `${label}: ${value > 0 ? "+" : ""}${value}`));
    d.append(ul, el("div", TEXT.total(v.total)));
    if (v.red_lines.length) d.append(el("div", TEXT.redLines(v.red_lines)));
    if (v.home) d.append(el("div", TEXT.homeRefusal(v.home)));
    if (v.advice) d.append(el("div", v.advice));
    return d;
  }));
}

// --- orders ----------------------------------------------------------------------------------------------------
$("advance").addEventListener("click", () => send({op: "command", text: "advance"}));
$("command-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const t = $("command").value.trim();
  if (t) send({op: "command", text: t});
});

connect();
