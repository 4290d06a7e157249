// Runs tests/consent_vectors.json against cookie_policy/client/cookie-policy.mjs in Node, for
// tests/plugin/test_client.py: reads the cases (with their cookie values and the config) as
// JSON on stdin, writes the client's verdicts as JSON on stdout.
import { readFileSync } from "node:fs";

const { module, config, now, cookies, lifetimes, methods, names, domains } = JSON.parse(readFileSync(0, "utf8"));
const client = await import(module);

const out = {
  cookies: cookies.map((header) => client.readConsent(config, header, now) !== null),
  lifetimes: lifetimes.map((granted) => client.lifetimeDays(config, granted)),
  methods: methods.map(({ choice, wanted, previous, gpc }) =>
    client.decide(config, choice, wanted, previous && { granted: previous }, { gpc })),
  names: names.map(({ pattern, cookie }) => client.deletable(cookie, [pattern], config.keep)),
  domains: domains.map(({ host, domain }) => client.cookieDomain({ ...config, domain }, host)),
};
process.stdout.write(JSON.stringify(out));
