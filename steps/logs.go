package steps

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/user"
	"runtime"
	"strings"
	"time"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/facts"
	"actwiz/internal/files"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
	"actwiz/internal/logs/upload"
	"actwiz/internal/machinetext"
	"actwiz/internal/platform/elevation"
	"actwiz/internal/report"
)

// Logs packs the seven categories of logs into one zip: a checklist of the
// categories, a line per collector as it finishes, the package's path.
type Logs struct {
	Builtin bool
	Extra   []collect.Collector
	Prefix  string
	// Dir is where the package goes; empty means the user's Desktop.
	Dir    string
	Redact bool
	// Categories preselects categories; nil means all of them.
	Categories []string
	// Ask shows the checklist and, at the end, offers to open the folder.
	Ask     bool
	Version string
	Glyphs  display.Set
	Now     func() time.Time
	// OpenFolder shows the package in the file manager; nil offers nothing.
	OpenFolder func(path string) error
	// Upload, when its URL is set, is offered at the end (with Ask). The
	// password comes from Getenv(UploadPasswordEnv) or a Secret question.
	Upload upload.Options
	Getenv func(string) string
	// Elevated says whether actwiz has administrator rights; nil means
	// elevation.Elevated.
	Elevated func() bool
	// Restart starts actwiz again with administrator rights
	// (elevation.Restart). Nil where that cannot be done (off Windows) or
	// must not be (the command line): nothing is offered, and the items
	// that need rights say how to get them.
	Restart func(elevation.Options) error

	// Outcome is the written package once Run has returned without error.
	Outcome *collect.Outcome
	// Err says why no package was written.
	Err error
}

const LogsID = "logs"

func (*Logs) ID() string { return LogsID }
func (*Logs) Title() i18n.Text {
	return i18n.T("收集日志", "Collect logs")
}

// Items lists a pending line per collector that may run here.
func (l *Logs) Items() []checks.Definition {
	var out []checks.Definition
	for _, c := range l.collectors(collect.CategoryIDs()) {
		cat, _ := collect.LookupCategory(c.Category)
		out = append(out, checks.Definition{ID: LogsID + "." + c.Name, Title: i18n.T(cat.Name.ZH+" · "+c.Name, cat.Name.EN+" · "+c.Name)})
	}
	return out
}

func (l *Logs) collectors(categories []string) []collect.Collector {
	return collect.Select(runtime.GOOS, l.Builtin, l.Extra, categories)
}

var (
	msgChooseCategories = i18n.T("选择要收集的日志类别：", "Choose the kinds of logs to collect:")
	msgChooseHelp       = i18n.T("空格勾选或取消，回车开始收集。", "Space ticks or unticks, Enter starts.")
	msgNothingChosen    = i18n.T("请至少选择一个类别。", "Choose at least one category.")
	msgCollecting       = i18n.T("正在收集 %d 项日志…", "Collecting %d logs…")
	msgPackageSaved     = i18n.T("日志包已保存：%s", "Log package saved: %s")
	msgRedactionMap     = i18n.T("脱敏对照表（只留在本机，不要上传）：%s", "Redaction mapping (keep it on this machine, do not upload it): %s")
	msgOpenFolder       = i18n.T("打开文件夹并选中日志包？", "Open the folder with the package selected?")
	msgOpenFailed       = i18n.T("无法打开文件夹：%v", "Could not open the folder: %v")
	msgNoDesktop        = i18n.T("找不到桌面文件夹（%v）；请用 --output 指定文件夹", "cannot find the Desktop folder (%v); choose a folder with --output")
	msgNotChosen        = i18n.T("未选择此类别", "this category was not chosen")
	msgLogsSnapshotSkip = i18n.T("检查的是记录的快照，不是这台电脑：这里收集到的会是这台电脑的日志，对快照里的电脑没有用，所以不收集。", "Not collected: this is a recorded snapshot, and the logs here would be this machine's, not the recorded PC's.")
)

type logsEvent struct {
	started *collect.Collector
	done    *collect.Result
}

func (l *Logs) Run(ctx context.Context, s *Session, emit func(Event)) {
	l.Outcome, l.Err = nil, nil
	s.LogPackage, s.LogMap, s.LogUploaded = "", "", ""
	finish := func(err error) {
		l.Err = err
		emit(Finished{Step: LogsID, Err: err})
	}
	if s.Source.Snapshot {
		// Logs belong to the machine they are read on; on a recording
		// that is the agent's machine, which nobody asked about.
		// The reason is said once, and kept in view; the lines only close.
		emit(Note{Step: LogsID, Text: msgLogsSnapshotSkip, Keep: true})
		for _, c := range l.collectors(collect.CategoryIDs()) {
			emit(ItemDone{Step: LogsID, Result: checks.Result{ID: LogsID + "." + c.Name, Status: checks.Skip}})
		}
		emit(Finished{Step: LogsID})
		return
	}
	categories := l.Categories
	if categories == nil {
		categories = collect.CategoryIDs()
	}
	if l.Ask {
		chosen, err := l.askCategories(ctx, emit, categories)
		if err != nil {
			finish(err)
			return
		}
		categories = chosen
	}
	cs := l.collectors(categories)
	chosen := map[string]bool{}
	for _, c := range cs {
		chosen[c.Name] = true
	}
	// The wizard listed every collector as pending; close the ones left
	// out. The command line never listed them.
	for _, c := range l.collectors(collect.CategoryIDs()) {
		if l.Ask && !chosen[c.Name] {
			emit(ItemDone{Step: LogsID, Result: checks.Result{ID: LogsID + "." + c.Name, Status: checks.Skip, Detail: msgNotChosen}})
		}
	}
	asked, handedOver := l.offerBefore(ctx, s, emit, cs)
	if handedOver {
		return
	}
	dir := l.Dir
	if dir == "" {
		d, err := files.Desktop()
		if err != nil {
			finish(fmt.Errorf("%s", msgNoDesktop.F(err).EN))
			return
		}
		dir = d
	}
	own, err := ownFiles(s, l.Version, l.Glyphs, l.Now())
	if err != nil {
		finish(err)
		return
	}
	var redactor *collect.Redactor
	if l.Redact {
		redactor = RedactorFor(s.Facts)
	}

	emit(Note{Step: LogsID, Text: msgCollecting.F(len(cs))})
	events := make(chan logsEvent, len(cs)+1)
	type written struct {
		out *collect.Outcome
		err error
	}
	result := make(chan written, 1)
	go func() {
		out, err := collect.Write(ctx, collect.Options{
			Dir: dir, Prefix: l.Prefix, Host: hostName(s), Case: s.Case, Version: l.Version,
			Now: l.Now(), Collectors: cs, Own: own, Redact: redactor,
			Elevated: l.elevated(),
			OnStart:  func(c collect.Collector) { events <- logsEvent{started: &c} },
			OnDone:   func(r *collect.Result) { events <- logsEvent{done: r} },
		})
		result <- written{out, err}
	}()
	// Events are emitted from this goroutine only, as the other steps do.
	for {
		select {
		case e := <-events:
			l.emitProgress(e, emit)
		case w := <-result:
			for len(events) > 0 {
				l.emitProgress(<-events, emit)
			}
			if w.err != nil {
				finish(w.err)
				return
			}
			l.Outcome = w.out
			s.LogPackage, s.LogMap = w.out.Path, w.out.MapPath
			// Kept on the screen: the user needs the path when asked
			// whether to open its folder, and after.
			emit(Note{Step: LogsID, Text: msgPackageSaved.F(EscapePath(w.out.Path)), Keep: true})
			if w.out.MapPath != "" {
				emit(Note{Step: LogsID, Text: msgRedactionMap.F(EscapePath(w.out.MapPath)), Keep: true})
			}
			if l.offerAfter(ctx, s, emit, asked, w.out.Results) {
				return
			}
			l.offerFolder(ctx, emit, w.out.Path)
			s.LogUploaded = l.offerUpload(ctx, emit, w.out.Path)
			emit(Finished{Step: LogsID})
			return
		}
	}
}

func (l *Logs) emitProgress(e logsEvent, emit func(Event)) {
	if e.started != nil {
		emit(ItemStarted{Step: LogsID, ID: LogsID + "." + e.started.Name})
		return
	}
	r := ResultOf(e.done)
	if e.done.NeedsAdmin {
		r.Hint = AdminHint(runtime.GOOS)
	}
	emit(ItemDone{Step: LogsID, Result: r})
}

// EscapePath is machinetext.Escape for text holding Windows paths: each part
// between backslashes is escaped, and the backslashes are kept single so a
// path can be read and copied as Explorer shows it.
func EscapePath(s string) string {
	parts := strings.Split(s, `\`)
	for i, p := range parts {
		parts[i] = machinetext.Escape(p)
	}
	return strings.Join(parts, `\`)
}

// ResultOf shows a collector's outcome as a checklist line.
func ResultOf(r *collect.Result) checks.Result {
	status := map[collect.Status]checks.Status{collect.Pass: checks.Pass, collect.Warn: checks.Warn, collect.Fail: checks.Fail, collect.Skip: checks.Skip}[r.Status]
	observed := ""
	if len(r.Files) > 0 {
		observed = display.Size(r.Bytes())
	}
	return checks.Result{
		ID:       LogsID + "." + r.Collector.Name,
		Status:   status,
		Observed: observed,
		Detail:   i18n.T(EscapePath(r.Problem.ZH), EscapePath(r.Problem.EN)),
	}
}

func (l *Logs) askCategories(ctx context.Context, emit func(Event), preselected []string) ([]string, error) {
	pre := map[string]bool{}
	for _, id := range preselected {
		pre[id] = true
	}
	q := &Question{
		Step: LogsID, ID: "logs.categories", Kind: ChooseMany,
		Prompt: msgChooseCategories, Help: msgChooseHelp,
	}
	for _, c := range collect.Categories {
		q.Choices = append(q.Choices, Choice{Value: c.ID, Label: c.Name, Selected: pre[c.ID]})
	}
	q.Validate = func(answer string) i18n.Text {
		if strings.TrimSpace(answer) == "" {
			return msgNothingChosen
		}
		return i18n.Text{}
	}
	a, err := Ask(ctx, emit, q)
	if err != nil {
		return nil, err
	}
	if a.Cancelled {
		return nil, context.Canceled
	}
	return a.Values, nil
}

func (l *Logs) offerFolder(ctx context.Context, emit func(Event), path string) {
	if !l.Ask || l.OpenFolder == nil {
		return
	}
	a, err := Ask(ctx, emit, &Question{Step: LogsID, ID: "logs.open-folder", Kind: Confirm, Prompt: msgOpenFolder, Default: "y"})
	if err != nil || a.Cancelled || a.Text != "y" {
		return
	}
	if err := l.OpenFolder(path); err != nil {
		emit(Note{Step: LogsID, Text: msgOpenFailed.F(err)})
	}
}

// ownFiles are actwiz's report of this run and the facts snapshot.
func ownFiles(s *Session, version string, g display.Set, now time.Time) ([]collect.Own, error) {
	src := report.Source{Kind: "machine"}
	if s.Source.Snapshot {
		src = report.Source{Kind: "snapshot", File: s.Source.File}
	}
	rep, err := report.Build(report.Input{Results: s.All(), Facts: s.Facts, Lang: s.Lang, Version: version, Source: src, Case: s.Case, Now: now})
	if err != nil {
		return nil, err
	}
	repJSON, err := rep.JSON()
	if err != nil {
		return nil, err
	}
	var text bytes.Buffer
	if err := report.WriteText(&text, rep, s.Lang, g); err != nil {
		return nil, err
	}
	snap, err := facts.Marshal(s.Facts)
	if err != nil {
		return nil, err
	}
	return []collect.Own{
		{Name: "actwiz-report.json", Data: repJSON},
		{Name: "actwiz-report.txt", Data: text.Bytes()},
		{Name: "actwiz-facts.json", Data: snap},
	}, nil
}

func hostName(s *Session) string {
	if s.Facts.Host.Name != "" {
		return s.Facts.Host.Name
	}
	name, _ := os.Hostname()
	return name
}

// RedactorFor knows this machine's host names, the user's names and the
// serials in its facts.
func RedactorFor(snap facts.Snapshot) *collect.Redactor {
	hosts := []string{snap.Host.Name}
	if h, err := os.Hostname(); err == nil {
		hosts = append(hosts, h, strings.SplitN(h, ".", 2)[0])
	}
	var users []string
	if u, err := user.Current(); err == nil {
		name := u.Username
		if i := strings.LastIndexAny(name, `\/`); i >= 0 {
			users = append(users, name[:i]) // the domain or machine part
			name = name[i+1:]
		}
		users = append(users, name, u.Name)
	}
	for _, k := range []string{"USER", "USERNAME", "LOGNAME"} {
		users = append(users, os.Getenv(k))
	}
	var serials []string
	add := func(p *string) {
		if p != nil {
			serials = append(serials, *p)
		}
	}
	if snap.BIOS != nil {
		add(snap.BIOS.SerialNumber)
	}
	if snap.Baseboard != nil {
		add(snap.Baseboard.SerialNumber)
	}
	for _, d := range snap.Disks {
		add(d.SerialNumber)
	}
	return collect.NewRedactor(hosts, users, serials)
}

// UploadPasswordEnv holds the upload password; it is never a setting.
const UploadPasswordEnv = "ACTWIZ_UPLOAD_PASSWORD"

var (
	msgOfferUpload    = i18n.T("现在把日志包上传到 %s 吗？", "Upload the package to %s now?")
	msgUploadPassword = i18n.T("上传账号 %s 的密码：", "Password for upload account %s:")
	msgNeedPassword   = i18n.T("请输入密码。", "Type the password.")
	msgUploadProgress = i18n.T("已上传 %d%%", "%d%% sent")
	msgUploadDone     = i18n.T("上传完成：%s", "Uploaded: %s")
	msgUploadKept     = i18n.T("日志包仍保存在本机：%s", "The package is still on this machine: %s")
)

// offerUpload asks whether to upload and does it, reporting progress, and
// returns where the package went ("" when it was not uploaded). A failed
// upload is a note, not a failed step: the package exists.
func (l *Logs) offerUpload(ctx context.Context, emit func(Event), path string) string {
	if !l.Ask || l.Upload.URL == "" {
		return ""
	}
	a, err := Ask(ctx, emit, &Question{Step: LogsID, ID: "logs.upload", Kind: Confirm, Prompt: msgOfferUpload.F(machinetext.Escape(l.Upload.URL)), Default: "y"})
	if err != nil || a.Cancelled || a.Text != "y" {
		return ""
	}
	opts := l.Upload
	if l.Getenv != nil {
		opts.Password = l.Getenv(UploadPasswordEnv)
	}
	if opts.Password == "" && opts.User != "" {
		a, err := Ask(ctx, emit, &Question{Step: LogsID, ID: "logs.upload-password", Kind: Secret,
			Prompt: msgUploadPassword.F(machinetext.Escape(opts.User)),
			Validate: func(answer string) i18n.Text {
				if answer == "" {
					return msgNeedPassword
				}
				return i18n.Text{}
			}})
		if err != nil || a.Cancelled {
			return ""
		}
		opts.Password = a.Text
	}
	// Progress arrives on the HTTP client's goroutine; it is emitted here.
	percents := make(chan int, 16)
	lastTenth := -1
	opts.Progress = func(sent, total int64) {
		if total == 0 {
			return
		}
		if tenth := int(sent * 10 / total); tenth != lastTenth {
			lastTenth = tenth
			select {
			case percents <- tenth * 10:
			default: // the view is behind; the next one will do
			}
		}
	}
	type done struct {
		res *upload.Result
		err error
	}
	result := make(chan done, 1)
	go func() {
		res, err := upload.Upload(ctx, path, opts)
		result <- done{res, err}
	}()
	for {
		select {
		case p := <-percents:
			emit(Note{Step: LogsID, Text: msgUploadProgress.F(p)})
		case d := <-result:
			if d.err != nil {
				var ue *upload.Error
				if errors.As(d.err, &ue) {
					emit(Note{Step: LogsID, Text: ue.Text})
				} else {
					emit(Note{Step: LogsID, Text: i18n.T(d.err.Error(), d.err.Error())})
				}
				emit(Note{Step: LogsID, Text: msgUploadKept.F(EscapePath(path))})
				return ""
			}
			emit(Note{Step: LogsID, Text: msgUploadDone.F(machinetext.Escape(d.res.URL)), Keep: true})
			return d.res.URL
		}
	}
}
