package upload

import (
	"net/http"
	"net/url"
	"strings"

	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// maxRedirects bounds the 307/308 hops one attempt follows.
const maxRedirects = 5

// redirectError is a redirect the upload does not follow. Go's client
// would replay a PUT or POST answered with 301, 302 or 303 as a GET, whose
// 200 looked like success while nothing was stored; and it would carry the
// body, and for the same host the password, to wherever Location points.
type redirectError struct {
	status   int
	location string
}

func (e *redirectError) Error() string {
	return "redirect " + http.StatusText(e.status) + " to " + e.location
}

// text names the redirect: its status and where it pointed, escaped (the
// server chose those bytes) and without any password in it.
func (e *redirectError) text() i18n.Text {
	loc := e.location
	if u, err := url.Parse(loc); err == nil {
		loc = u.Redacted()
	} else if i := strings.LastIndex(loc, "@"); i >= 0 {
		loc = "…" + loc[i:] // whatever stood before @ may be a password
	}
	if len(loc) > 300 {
		loc = loc[:300] + "…"
	}
	if loc == "" {
		loc = "-"
	}
	return msgRedirect.F(e.status, http.StatusText(e.status), machinetext.Escape(loc))
}

// withRedirectPolicy returns a copy of c that follows only 307 and 308
// (which keep the method and body) and only to the origin of the first
// request: same scheme, host and port. The credentials therefore never go
// to another server, nor over plain http when the upload URL was https.
func withRedirectPolicy(c *http.Client) *http.Client {
	cc := *c
	cc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		status := 0
		if req.Response != nil {
			status = req.Response.StatusCode
		}
		refused := &redirectError{status: status, location: req.URL.String()}
		if req.Response != nil {
			// The Location as the server wrote it, not as resolved.
			if loc := req.Response.Header.Get("Location"); loc != "" {
				refused.location = loc
			}
		}
		switch {
		case status != http.StatusTemporaryRedirect && status != http.StatusPermanentRedirect:
			return refused
		case !sameOrigin(req.URL, via[0].URL):
			return refused
		case len(via) > maxRedirects:
			return refused
		}
		return nil
	}
	return &cc
}

func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) &&
		strings.EqualFold(a.Hostname(), b.Hostname()) &&
		port(a) == port(b)
}

func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return "443"
	case "http":
		return "80"
	}
	return ""
}
