const doc = document;
const config = JSON.parse(doc.getElementById("cc-config").textContent);
const { categories, required } = config;
const banner = doc.getElementById("cc-banner");
const dialog = doc.getElementById("cc-settings");
const DAY = 86400;
const gpc = navigator.globalPrivacyControl === true;
const modes = config.consentMode;
const jar = () => doc.cookie.split("; ");
const now = () => Math.floor(Date.now() / 1000);
// consent.cookie_domain
const domain = ("." + location.hostname).endsWith("." + config.domain) && config.domain;
const lifetime = (keys) =>
  DAY * (keys.some((k) => !required.includes(k)) ? config.acceptDays : config.rejectDays);

// consent.py's rules: its pattern; several values that disagree are no decision.
const values = jar().filter((c) => c.startsWith(config.cookie + "=")).map((c) => c.slice(config.cookie.length + 1));
const m = new Set(values).size === 1 && RegExp(`^(?:${config.format})$`).exec(values[0]);
const stored = m && { version: +m[1], granted: m[2] ? m[2].split("+") : [], time: +m[3], id: m[4] };
const held = stored?.granted || [];
const age = now() - stored?.time;
// As the server checks it, with a day of grace for fast clocks.
let consent = stored?.version === config.version &&
  new Set(held).size === held.length &&
  held.every((k) => categories.includes(k)) &&
  required.every((k) => held.includes(k)) &&
  age >= -DAY && age < lifetime(held) ? stored : null;
let opener;
// Posts not yet recorded, oldest first.
let unsent = [];
let busy;
try {
  unsent = JSON.parse(localStorage["cc-unsent"]);
} catch {}

// Required categories need no consent.
const granted = () => consent?.granted || required;
const has = (key) => granted().includes(key);
const id = () => consent?.id || null;

function setCookie(name, value, maxAge, domain, path) {
  doc.cookie = `${name}=${value}; Path=${path || "/"}; SameSite=Lax; Max-Age=${maxAge}` +
    (domain ? "; Domain=" + domain : "") + (location.protocol === "https:" ? "; Secure" : "");
}

function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).slice(0, 22).replace(/\+/g, "-").replace(/\//g, "_");
}

// Each place a copy this page sees may be, as consent.cookie_places lists them.
function wipe(name) {
  let at = "";
  const paths = location.pathname.split("/").flatMap((part) => [(at += part) || "/", (at += "/")]);
  for (const domain of ["", ...location.hostname.split(".").map((_, i, labels) => labels.slice(i).join("."))]) {
    for (const path of paths) setCookie(name, "", 0, domain, path);
  }
}

function forget(withdrawn) {
  const names = withdrawn.flatMap((key) => config.cookies[key] || []);
  for (const [name] of jar().map((c) => c.split("="))) {
    if (!config.keep.includes(name) && names.some((n) => (n.endsWith("*") ? name.startsWith(n.slice(0, -1)) : name === n))) wipe(name);
  }
}

function decide(choice, wanted) {
  const keys = categories.filter((k) => required.includes(k) || wanted.includes(k));
  const withdrawn = (consent?.granted || []).filter((k) => !keys.includes(k));
  const method = choice === "all" ? (gpc ? "gpc" : "accept_all")
    : withdrawn.length ? "withdrawal" : choice === "none" ? "reject_all" : "custom";
  // One id per browser links its records.
  consent = { granted: keys, id: stored?.id || id() || newId() };
  // Copies on other paths or domains would leave no decision: the choice leaves one.
  wipe(config.cookie);
  setCookie(config.cookie, `1:${config.version}:${[...keys].sort().join("+")}:${now()}:${consent.id}`, lifetime(keys), domain);
  banner.hidden = true;
  if (dialog.open) dialog.close();

  const body = new URLSearchParams({ choice, consent_id: consent.id, version: config.version, method });
  for (const key of keys) body.append("granted", key);
  unsent.push(body + "");
  keep();
  send();

  forget(withdrawn);
  apply();
  signal();
  emit("change", { granted: keys, method, consentId: consent.id });
}

// Kept across pages when storage allows.
function keep() {
  try {
    localStorage["cc-unsent"] = JSON.stringify(unsent);
  } catch {}
}

// The cookie holds the choice meanwhile: a failed post (503 in a database outage) is sent again
// when the server asks (Retry-After), on the next page view at the latest.
function send() {
  if (busy || !unsent[0]) return;
  busy = fetch(config.endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: unsent[0],
    keepalive: true,
  }).then((r) => {
    busy = 0;
    // Any other refusal (4xx) would come again.
    if (r.status < 500 && r.status != 429) {
      unsent.shift();
      keep();
      send();
    } else setTimeout(send, (r.headers.get("Retry-After") || 30) * 1e3);
  }, () => (busy = 0));
}

function embed(box) {
  const frame = doc.createElement("iframe");
  const attrs = {
    src: box.dataset.src,
    title: box.dataset.title || "",
    loading: "lazy",
    allowfullscreen: "",
    allow: "autoplay; encrypted-media; picture-in-picture",
    class: "cc-frame",
  };
  for (const name in attrs) frame.setAttribute(name, attrs[name]);
  // Never a javascript: URL.
  if (frame.src.startsWith("https:")) box.replaceWith(frame);
}

// Each element is replaced, so runs once.
function apply() {
  for (const old of doc.querySelectorAll('script[type="text/plain"][data-cookie-category]')) {
    if (!has(old.dataset.cookieCategory)) continue;
    const script = doc.createElement("script");
    for (const { name, value } of old.attributes) {
      if (name !== "type" && name !== "data-cookie-category") script.setAttribute(name, value);
    }
    if (old.dataset.type) script.type = old.dataset.type;
    // The nonce attribute reads empty; the property does not.
    script.nonce = old.nonce;
    // Keep document order unless async.
    script.async = old.async;
    if (old.dataset.src) script.src = old.dataset.src;
    else script.text = old.text;
    old.replaceWith(script);
  }
  for (const box of doc.querySelectorAll("[data-cc-embed]")) {
    if (has(box.dataset.cookieCategory)) embed(box);
  }
}

// The denied defaults are set in <head>.
function signal() {
  if (!modes) return;
  const update = {};
  for (const key in modes) {
    for (const s of modes[key]) update[s] = has(key) ? "granted" : "denied";
  }
  gtag("consent", "update", update);
}

function emit(type, detail) {
  doc.dispatchEvent(new CustomEvent("cookie-consent:" + type, { detail }));
}

function open(from) {
  opener = from || doc.activeElement;
  for (const input of dialog.querySelectorAll("input[name=granted]:enabled")) {
    input.checked = has(input.value);
  }
  dialog.querySelector("[data-cc-gpc]").hidden = !gpc;
  const line = dialog.querySelector("[data-cc-id]");
  line.hidden = !consent;
  line.querySelector("code").textContent = id();
  if (!dialog.open) dialog.showModal();
}

// Escape closes too, deciding nothing.
dialog.addEventListener("close", () => opener?.focus());

// Delegated: links added later work too.
doc.addEventListener("click", (event) => {
  const el = event.target.closest("[data-cc-open],[data-cc-close],[data-cc-once],[data-cc-allow]");
  if (!el) return;
  const box = el.closest("[data-cc-embed]");
  if (el.matches("[data-cc-open]")) {
    event.preventDefault();
    open(el);
  } else if (el.matches("[data-cc-close]")) {
    dialog.close();
  } else if (el.matches("[data-cc-once]")) {
    if (box) embed(box);
  } else if (box) {
    decide("custom", [...granted(), box.dataset.cookieCategory]);
  }
});

// Enter on a switch would submit as the first button: "Accept all".
dialog.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && event.target.matches("input")) event.preventDefault();
});

for (const region of [banner, dialog]) {
  region.addEventListener("submit", (event) => {
    event.preventDefault();
    const choice = event.submitter?.value;
    const checked = event.target.querySelectorAll("input[name=granted]:checked");
    if (choice === "all") decide(choice, categories.filter((k) => !gpc || !config.gpc.includes(k)));
    if (choice === "none") decide(choice, []);
    if (choice === "custom") decide(choice, [...checked].map((input) => input.value));
  });
}

if (modes) {
  window.dataLayer ||= [];
  window.gtag ||= function () {
    dataLayer.push(arguments);
  };
}

window.cookieConsent = {
  granted: has,
  categories: () => categories.filter(has),
  open: () => open(),
  decided: () => !!consent,
  id,
};

// Previews render it visible.
if (!consent) banner.hidden = false;
if (consent) forget(categories.filter((k) => !has(k)));
apply();
if (consent) signal();
send();
emit("ready", { granted: categories.filter(has), consentId: id() });
