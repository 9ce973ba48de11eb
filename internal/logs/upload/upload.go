// Package upload sends a log package to the vendor's server: a WebDAV-style
// PUT to a folder URL, or a multipart POST to a form URL, with basic
// authentication, verified TLS, retries on network errors, and messages a
// user can act on when the server says no. The local package is never
// touched.
//
// It may import internal/i18n, internal/display, internal/files and
// internal/machinetext only.
package upload

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"actwiz/internal/display"
	"actwiz/internal/files"
	"actwiz/internal/i18n"
	"actwiz/internal/platform/netproxy"
)

// Options say where and how to upload.
type Options struct {
	URL      string
	Method   string // "put" or "post"
	User     string
	Password string
	// Timeout bounds one attempt; 0 means 30 minutes.
	Timeout time.Duration
	// Retries is how many times a network failure is retried; 0 means 3.
	Retries int
	// Progress is called as bytes are sent; sent restarts at 0 on a retry.
	Progress func(sent, total int64)
	// Client and Sleep are for tests; nil means a client that verifies
	// certificates against the system's roots, and time.Sleep.
	Client *http.Client
	Sleep  func(context.Context, time.Duration) error
}

// Result is a finished upload.
type Result struct {
	URL      string // where the package went
	Status   int
	Attempts int
}

// Error is a failed upload; Text says why in both languages.
type Error struct {
	Text   i18n.Text
	Status int
	Err    error
}

func (e *Error) Error() string { return e.Text.EN }
func (e *Error) Unwrap() error { return e.Err }

var (
	msgUnauthorized = i18n.T("服务器拒绝了用户名或密码（401）。请核对 upload.user 和密码后重试。", "The server refused the user name or password (401). Check upload.user and the password, then try again.")
	msgForbidden    = i18n.T("该账号无权上传到 %s（403）。请联系客服确认上传账号。", "This account may not upload to %s (403). Ask support to confirm the upload account.")
	msgTooLarge     = i18n.T("文件（%s）超过服务器允许的大小（413）。请用 --only 少选几类日志后重新收集。", "The file (%s) is larger than the server accepts (413). Collect again with fewer categories (--only).")
	msgHTTPStatus   = i18n.T("服务器返回 %d %s。", "The server answered %d %s.")
	msgNetwork      = i18n.T("无法连接服务器（已尝试 %d 次）：%v", "Could not reach the server (%d attempts): %v")
	msgCertificate  = i18n.T("服务器证书不受信任，已停止上传：%v", "The server's certificate is not trusted, so nothing was sent: %v")
	msgOpen         = i18n.T("无法读取 %s：%v", "Cannot read %s: %v")
	msgCleartext    = i18n.T("%s 不是 https 地址，密码会以明文发送，已停止。", "%s is not an https address: the password would travel in clear, so nothing was sent.")
	msgNoURL        = i18n.T("没有配置上传地址；请在配置文件中设置 upload.url。", "No upload address is configured; set upload.url in the config file.")
	msgRedirect     = i18n.T("服务器把上传转到了别处（%d %s，Location：%s），文件没有上传。请把 upload.url 改为最终地址。", "The server sent the upload elsewhere (%d %s, Location: %s), so the file was not uploaded. Set upload.url to the final address.")
)

// Upload sends the file at path. Network failures and 502/503/504 answers
// are retried with growing pauses; every other answer is final.
func Upload(ctx context.Context, path string, opts Options) (*Result, error) {
	if opts.URL == "" {
		return nil, &Error{Text: msgNoURL}
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Minute
	}
	if opts.Retries <= 0 {
		opts.Retries = 3
	}
	if opts.Client == nil {
		opts.Client = defaultClient()
	}
	if opts.Sleep == nil {
		opts.Sleep = sleep
	}
	f, info, err := files.OpenInput(ctx, path)
	if err != nil {
		return nil, &Error{Text: msgOpen.F(path, files.Reason(err)), Err: err}
	}
	f.Close()
	target, err := targetURL(opts, filepath.Base(path))
	if err != nil {
		return nil, err
	}
	if u, _ := url.Parse(target); u.Scheme != "https" && (opts.User != "" || opts.Password != "") && !isLoopback(u.Hostname()) {
		return nil, &Error{Text: msgCleartext.F(target)}
	}
	opts.Client = withRedirectPolicy(opts.Client)
	pause := time.Second
	var lastErr error
	for attempt := 1; attempt <= opts.Retries+1; attempt++ {
		status, err := once(ctx, path, info.Size(), target, opts)
		if err == nil {
			return &Result{URL: target, Status: status, Attempts: attempt}, nil
		}
		var final *Error
		if errors.As(err, &final) || ctx.Err() != nil {
			return nil, err
		}
		lastErr = err
		if attempt <= opts.Retries {
			if err := opts.Sleep(ctx, pause); err != nil {
				return nil, err
			}
			pause = min(pause*2, 30*time.Second)
		}
	}
	return nil, &Error{Text: msgNetwork.F(opts.Retries+1, lastErr), Err: lastErr}
}

func targetURL(opts Options, name string) (string, error) {
	u, err := url.Parse(opts.URL)
	if err != nil {
		return "", &Error{Text: msgHTTPStatus.F(0, err), Err: err}
	}
	if strings.ToLower(opts.Method) == "post" {
		return u.String(), nil
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.JoinPath(name).String(), nil
}

// retryable is a failure worth another attempt: the network, or a server
// or proxy saying it is briefly unavailable.
type retryable struct{ err error }

func (r retryable) Error() string { return r.err.Error() }
func (r retryable) Unwrap() error { return r.err }

func once(ctx context.Context, path string, size int64, target string, opts Options) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	post := strings.ToLower(opts.Method) == "post"
	var form *multipartFrame
	length := size
	if post {
		var err error
		if form, err = newMultipartFrame(filepath.Base(path)); err != nil {
			return 0, &Error{Text: msgHTTPStatus.F(0, err), Err: err}
		}
		length = int64(len(form.head)) + size + int64(len(form.tail))
	}
	// newBody opens the file afresh, so a redirect the policy allows
	// (307/308 to the same origin) sends the whole package again. It is
	// opened as every input is, so a FIFO put in the package's place is
	// refused rather than waited on. Every body's progress reports stop
	// when the attempt is over.
	var (
		mu       sync.Mutex
		progress []*progressReader
	)
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, p := range progress {
			p.stop()
		}
	}()
	newBody := func() (io.ReadCloser, error) {
		f, _, err := files.OpenInput(ctx, path)
		if err != nil {
			return nil, err
		}
		p := &progressReader{r: f, total: size, report: opts.Progress}
		mu.Lock()
		progress = append(progress, p)
		mu.Unlock()
		var r io.Reader = p
		if post {
			r = io.MultiReader(bytes.NewReader(form.head), r, bytes.NewReader(form.tail))
		}
		return readCloser{r, f}, nil
	}
	body, err := newBody()
	if err != nil {
		return 0, &Error{Text: msgOpen.F(path, files.Reason(err)), Err: err}
	}
	method := http.MethodPut
	if post {
		method = http.MethodPost
	}
	req, err := http.NewRequestWithContext(ctx, method, target, body)
	if err != nil {
		body.Close()
		return 0, &Error{Text: msgHTTPStatus.F(0, err), Err: err}
	}
	req.ContentLength = length
	req.GetBody = newBody
	if post {
		req.Header.Set("Content-Type", form.contentType)
	} else {
		req.Header.Set("Content-Type", "application/zip")
	}
	// The server refuses bad credentials or a too large file before the
	// body is sent, instead of after the whole package went up.
	req.Header.Set("Expect", "100-continue")
	if opts.User != "" {
		req.SetBasicAuth(opts.User, opts.Password)
	}
	resp, err := opts.Client.Do(req)
	if err != nil {
		var redirect *redirectError
		if errors.As(err, &redirect) {
			return 0, &Error{Text: redirect.text(), Status: redirect.status, Err: err}
		}
		if isCertError(err) {
			return 0, &Error{Text: msgCertificate.F(err), Err: err}
		}
		return 0, retryable{err}
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // drained for reuse; the status decides
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return resp.StatusCode, nil
	case resp.StatusCode >= 300 && resp.StatusCode < 400:
		// A redirect the client did not follow (no Location): nothing
		// was stored.
		r := &redirectError{status: resp.StatusCode, location: resp.Header.Get("Location")}
		return 0, &Error{Text: r.text(), Status: resp.StatusCode}
	case resp.StatusCode == http.StatusUnauthorized:
		return 0, &Error{Text: msgUnauthorized, Status: resp.StatusCode}
	case resp.StatusCode == http.StatusForbidden:
		return 0, &Error{Text: msgForbidden.F(target), Status: resp.StatusCode}
	case resp.StatusCode == http.StatusRequestEntityTooLarge:
		return 0, &Error{Text: msgTooLarge.F(display.Size(size)), Status: resp.StatusCode}
	case resp.StatusCode == http.StatusBadGateway || resp.StatusCode == http.StatusServiceUnavailable || resp.StatusCode == http.StatusGatewayTimeout:
		return 0, retryable{fmt.Errorf("%s", resp.Status)}
	}
	return 0, &Error{Text: msgHTTPStatus.F(resp.StatusCode, http.StatusText(resp.StatusCode)), Status: resp.StatusCode}
}

type readCloser struct {
	io.Reader
	io.Closer
}

// multipartFrame is what goes around the file in a form with a single
// "file" field: streamed with a known length, so the server sees
// Content-Length, not chunks.
type multipartFrame struct {
	head, tail  []byte
	contentType string
}

func newMultipartFrame(name string) (*multipartFrame, error) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if _, err := mw.CreateFormFile("file", name); err != nil {
		return nil, err
	}
	headLen := buf.Len()
	if err := mw.Close(); err != nil {
		return nil, err
	}
	// Close wrote "\r\n--boundary--\r\n" after the part's header; the
	// file goes between the two.
	all := buf.Bytes()
	return &multipartFrame{head: all[:headLen], tail: all[headLen:], contentType: mw.FormDataContentType()}, nil
}

// progressReader reports what the transport has read of the body. The
// transport reads in its own goroutine and may go on after the answer
// came, so reports go through a lock that stop closes: none is under way
// or made once the attempt is over.
type progressReader struct {
	r      io.Reader
	total  int64
	mu     sync.Mutex
	sent   int64
	report func(sent, total int64)
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sent += int64(n)
	if p.report != nil && n > 0 {
		p.report(p.sent, p.total)
	}
	return n, err
}

func (p *progressReader) stop() {
	p.mu.Lock()
	p.report = nil
	p.mu.Unlock()
}

func defaultClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	// The proxy actwiz itself would use, as the activation checks resolve
	// theirs: the environment, then Internet Options (PAC, WPAD), then
	// WinHTTP on Windows.
	t.Proxy = netproxy.Native(netproxy.User).ProxyFunc()
	// TLS settings stay the defaults: certificates are always verified.
	t.ExpectContinueTimeout = 5 * time.Second
	return &http.Client{Transport: t}
}

func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// isCertError reports whether err is a certificate that failed
// verification: retrying cannot help, and the user must be told.
func isCertError(err error) bool {
	var verify *tls.CertificateVerificationError
	var unknown x509.UnknownAuthorityError
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	return errors.As(err, &verify) || errors.As(err, &unknown) || errors.As(err, &host) || errors.As(err, &invalid)
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
