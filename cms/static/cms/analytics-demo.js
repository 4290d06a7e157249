// Stands in for an analytics tag: it runs only after analytics consent and sets a first-party
// cookie, so the banner's withdrawal can be seen deleting it.
document.cookie = "_ga=GA1.1.demo; Path=/; Max-Age=63072000; SameSite=Lax";
window.softproAnalyticsRuns = (window.softproAnalyticsRuns || 0) + 1;
