// cookie_policy's client for frontends on other origins (Next.js, Nuxt, a plain page): read the
// policy from the Wagtail API, read and write the consent cookie, post the decision, gate
// scripts. No framework and no dependency; it runs in browsers and in Node 18+ alike.
//
// The rules are the banner script's and the server's (cookie_policy/consent.py): the cookie's
// pattern, lifetimes, categories and GPC list come from the API's `config`, never from here,
// and tests/consent_vectors.json holds the cases all three must agree on. README, "Headless".

const DAY = 86400;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const browserCookies = () => (typeof document === "undefined" ? "" : document.cookie);

/** Read the site's policy, banner and configuration from the API, in `locale`.
 *  `apiUrl` is the endpoint, such as "https://cms.example.com/api/v2/cookie-policy/". */
export async function fetchPolicy(apiUrl, { locale, site, fetch = globalThis.fetch, ...init } = {}) {
  const url = new URL(apiUrl, globalThis.location?.href);
  // In this order, as the frontend cache is purged: each URL is one cached answer.
  if (site) url.searchParams.set("site", site);
  if (locale) url.searchParams.set("locale", locale);
  const response = await fetch(url, { headers: { Accept: "application/json" }, ...init });
  const data = await response.json();
  if (!response.ok) throw new Error(data.message || `HTTP ${response.status}`);
  return data;
}

/** Every raw value the cookie string holds for `name` (one per path and domain it was set on). */
export function cookieValues(cookies, name) {
  const values = [];
  for (const pair of cookies.split(";")) {
    const [key, ...rest] = pair.replace(/^ +| +$/g, "").split("=");
    if (rest.length && key === name) values.push(rest.join("="));
  }
  return values;
}

/** Days a decision lasts: refusals `rejectDays`, anything granting more `acceptDays`. */
export function lifetimeDays(config, granted) {
  return granted.some((key) => !config.required.includes(key)) ? config.acceptDays : config.rejectDays;
}

/** The consent in a cookie value ({version, granted, time, id}), or null when malformed. */
export function parse(config, value) {
  const m = typeof value === "string" && value.length <= 200 && new RegExp(`^(?:${config.format})$`).exec(value);
  if (!m) return null;
  const granted = m[2] ? m[2].split("+") : [];
  if (new Set(granted).size !== granted.length) return null;
  return { version: +m[1], granted, time: +m[3], id: m[4] };
}

/** The visitor's decision if it still holds, else null: one value (copies that disagree are no
 *  decision), for the current consent version, known categories, every required one granted,
 *  younger than its lifetime (with a day of grace for fast clocks). `cookies` is
 *  document.cookie in a browser, the request's Cookie header on a server. */
export function readConsent(config, cookies = browserCookies(), now = nowSeconds()) {
  const values = cookieValues(cookies, config.cookie);
  if (new Set(values).size !== 1) return null;
  const consent = parse(config, values[0]);
  if (!consent || consent.version !== config.version) return null;
  if (!consent.granted.every((key) => config.categories.includes(key))) return null;
  if (!config.required.every((key) => consent.granted.includes(key))) return null;
  const age = now - consent.time;
  if (age < -DAY || age >= lifetimeDays(config, consent.granted) * DAY) return null;
  return consent;
}

/** Whether `consent` (null: no decision yet) grants category `key`; required ones always are. */
export function isGranted(config, consent, key) {
  return config.required.includes(key) || Boolean(consent?.granted.includes(key));
}

/** The categories a choice grants, in policy order, and its method, as the server decides:
 *  `choice` is "all", "none" or "custom"; `wanted` the keys a custom choice ticks; `previous`
 *  the decision held so far (or null); `gpc` whether the browser sends Global Privacy Control. */
export function decide(config, choice, wanted = [], previous = null, { gpc = false } = {}) {
  const { categories, required } = config;
  let granted;
  let method;
  if (choice === "all") {
    const refused = gpc ? config.gpc.filter((key) => !required.includes(key)) : [];
    granted = categories.filter((key) => !refused.includes(key));
    method = refused.some((key) => categories.includes(key)) ? "gpc" : "accept_all";
  } else {
    const ticked = choice === "custom" ? wanted : [];
    granted = categories.filter((key) => required.includes(key) || ticked.includes(key));
    if (previous?.granted.some((key) => !granted.includes(key))) method = "withdrawal";
    else method = choice === "none" ? "reject_all" : "custom";
  }
  return { granted, method };
}

/** A new random consent ID (22 characters of base64url). */
export function newConsentId() {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).slice(0, 22).replace(/\+/g, "-").replace(/\//g, "_");
}

/** The cookie value of a decision: 1:<version>:<keys sorted, joined by +>:<time>:<id>. */
export function serialize(config, { granted, time, id }) {
  return `1:${config.version}:${[...granted].sort().join("+")}:${time}:${id}`;
}

/** The Domain of the consent cookie on `host`: the site's shared `config.domain` where it is
 *  the host or a parent of it, else "" (host-only), as consent.cookie_domain decides. */
export function cookieDomain(config, host) {
  return config.domain && `.${host}`.endsWith(`.${config.domain}`) ? config.domain : "";
}

/** The Set-Cookie-style attributes of the consent cookie, as the banner script writes it on
 *  `host` (shared on the site's cookie domain where that covers it). */
export function cookieAttributes(config, granted, { secure, host = "" } = {}) {
  const maxAge = lifetimeDays(config, granted) * DAY;
  const domain = cookieDomain(config, host);
  return `Path=/; SameSite=Lax; Max-Age=${maxAge}${domain ? "; Domain=" + domain : ""}${secure ? "; Secure" : ""}`;
}

/** Whether a refusal of categories declaring `patterns` deletes cookie `name` (never a kept one). */
export function deletable(name, patterns, keep) {
  if (keep.includes(name)) return false;
  return patterns.some((p) => (p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : name === p));
}

/** Record a decision: post it to the site's consent endpoint, which validates it, rate-limits
 *  it and keeps it as proof. Resolves to the server's answer; rejects with its reason. */
export async function postDecision(config, choice, { granted, method, id }, { fetch = globalThis.fetch } = {}) {
  const body = new URLSearchParams({ choice, consent_id: id, version: config.version, method });
  for (const key of granted) body.append("granted", key);
  const response = await fetch(config.endpoint, {
    method: "POST",
    // A form body and Accept: no preflight needed. The site lists this page's origin in
    // COOKIE_POLICY_ALLOWED_ORIGINS, or the post is refused.
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body,
    credentials: "include",
    keepalive: true,
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error || `HTTP ${response.status}`);
  return answer;
}

/** In a browser: make a choice. Writes the consent cookie on this page's own origin (on the
 *  site's shared cookie domain where that covers it), deletes this origin's cookies of the
 *  categories given up, and posts the decision. Returns the new consent and the post's promise
 *  (the cookie holds the choice whether or not the post succeeds). */
export function choose(config, choice, wanted = [], { gpc = globalThis.navigator?.globalPrivacyControl === true } = {}) {
  const previous = readConsent(config);
  const { granted, method } = decide(config, choice, wanted, previous, { gpc });
  const consent = { version: config.version, granted, time: nowSeconds(), id: previous?.id || newConsentId() };
  const secure = location.protocol === "https:";
  // Copies elsewhere (host-only beside a shared one) would leave no decision: leave one.
  forget(config.cookie);
  const attributes = cookieAttributes(config, granted, { secure, host: location.hostname });
  document.cookie = `${config.cookie}=${serialize(config, consent)}; ${attributes}`;
  const withdrawn = (previous?.granted || []).filter((key) => !granted.includes(key));
  const patterns = withdrawn.flatMap((key) => config.cookies[key] || []);
  for (const [name] of document.cookie.split("; ").map((c) => c.split("="))) {
    if (deletable(name, patterns, config.keep)) forget(name);
  }
  const posted = postDecision(config, choice, { granted, method, id: consent.id });
  return { consent, method, posted };
}

// Delete a cookie on this host and each parent domain, as the banner script does (on "/").
function forget(name) {
  const labels = location.hostname.split(".");
  for (const domain of ["", ...labels.map((_, i) => labels.slice(i).join("."))]) {
    document.cookie = `${name}=; Path=/; Max-Age=0${domain ? "; Domain=" + domain : ""}`;
  }
}

/** In a browser: run each inert `<script type="text/plain" data-cookie-category="…">` whose
 *  category `consent` grants, once, as the banner script does ({% gated_script %} writes them). */
export function activateScripts(config, consent, root = document) {
  for (const old of root.querySelectorAll('script[type="text/plain"][data-cookie-category]')) {
    if (!isGranted(config, consent, old.dataset.cookieCategory)) continue;
    const script = document.createElement("script");
    for (const { name, value } of old.attributes) {
      if (name !== "type" && name !== "data-cookie-category") script.setAttribute(name, value);
    }
    if (old.dataset.type) script.type = old.dataset.type;
    script.nonce = old.nonce;
    script.async = old.async;
    if (old.dataset.src) script.src = old.dataset.src;
    else script.text = old.text;
    old.replaceWith(script);
  }
}
