package ui

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/platform/ttyecho"
	"actwiz/internal/report/supportcode"
	"actwiz/steps"
)

// Plain mode: the same steps, results and questions as the wizard, printed
// line by line for screen readers, slow remote shells and logs. It reads
// the same event stream as the wizard; nothing moves the cursor and nothing
// animates.

var (
	msgPlainCasePrompt = i18n.T("案件编号（可不填，直接按回车跳过）：", "Case number (optional, press Enter to skip): ")
	msgPlainStep       = i18n.T("== 第 %d/%d 步：%s ==", "== Step %d of %d: %s ==")
	msgPlainSummary    = i18n.T("== 总结 ==", "== Summary ==")
	msgPlainYesNo      = i18n.T("请输入 y（是）或 n（否）。", "Please answer y or n.")
	msgPlainPickOne    = i18n.T("请输入 1 到 %d 之间的一个数字。", "Please enter one number from 1 to %d.")
	msgPlainPickMany   = i18n.T("请输入 1 到 %d 之间的数字，用空格或逗号隔开。", "Please enter numbers from 1 to %d, separated by spaces or commas.")
	msgPlainChoose     = i18n.T("请选择 [1-%d，回车选 %d]：", "Choose [1-%d, Enter for %d]: ")
	msgPlainChooseMany = i18n.T("请输入编号 [回车保留已选的 %s]：", "Enter numbers [Enter keeps %s]: ")
	msgPlainNone       = i18n.T("无", "none")
	msgPlainNoInput    = i18n.T("（没有更多输入，使用默认值：%s）", "(no more input; using the default: %s)")
	msgPlainNoInputNo  = i18n.T("（没有更多输入，回答“否”：没有回答就不打开、不上传、不激活任何东西）", "(no more input; answering no: nothing is opened, uploaded or activated without an answer)")
	msgPlainNoInputAsk = i18n.T("（没有更多输入，跳过这个问题）", "(no more input; this question is skipped)")
	msgPlainTicked     = i18n.T("（已选）", "(ticked)")
	msgPlainCode       = i18n.T("支持代码：%s（打电话时把这串数字读给客服）", "Support code: %s (read these digits to the support agent)")
	msgPlainCancelled  = i18n.T("这一步没有完成：%s", "This step did not finish: %s")
)

// plainView prints events and asks questions on a reader and a writer.
type plainView struct {
	out  io.Writer
	in   *bufio.Reader
	lang i18n.Lang
	sh   *shared
	eof  bool
	// count is how many items the step lists; numbered are the items
	// done so far in this step, by ID, numbered in the order they finish.
	count    int
	numbered map[string]int
	// items are the step's own definitions: a step's items (a log
	// collector) need not be in the checks registry.
	items map[string]checks.Definition
	// echo repeats each answer read when the input is not a terminal (a
	// file or a pipe), so that a log shows what was answered.
	echo bool
	// terminal is the input when it is a terminal, so its echo can be
	// turned off while a secret is typed; nil otherwise.
	terminal *os.File
	// osFamily picks the verify commands to print.
	osFamily string
	// handedOver: a step handed the work to another actwiz.
	handedOver bool
}

func (p *plainView) line(s string) { fmt.Fprintln(p.out, s) }
func (p *plainView) t(t i18n.Text) string {
	return p.sh.t(t)
}

// readLine returns the next line of input, or ok=false at the end of it.
func (p *plainView) readLine() (string, bool) { return p.read(false) }

// readSecret reads a line that must not be shown: echo is off on a
// terminal, and a log of piped input shows stars, never the serial.
func (p *plainView) readSecret() (string, bool) {
	if p.terminal != nil {
		if restore, ok := ttyecho.Off(p.terminal); ok {
			defer p.line("")
			defer restore()
		}
	}
	return p.read(true)
}

func (p *plainView) read(secret bool) (string, bool) {
	if !p.eof {
		s, err := p.in.ReadString('\n')
		if err == nil || s != "" {
			s = strings.TrimRight(s, "\r\n")
			switch {
			case p.echo && secret:
				p.line(strings.Repeat("*", utf8.RuneCountInString(s)))
			case p.echo:
				p.line(machinetext.Escape(s))
			}
			return s, true
		}
		p.eof = true
	}
	p.line("") // end the prompt's line
	return "", false
}

// RunPlain runs the steps in plain mode and returns the exit status of the
// results (spec §5), 130 when cancelled, or 0 when a step handed the work
// to another actwiz (restarted as administrator).
func RunPlain(ctx context.Context, opts Options, in io.Reader, out io.Writer) (int, error) {
	sess := opts.Session
	if sess == nil {
		sess = &steps.Session{}
	}
	// A resumed wizard has no Welcome: the case number and the language
	// came as flags, and the notice says where it carries on.
	resumed := opts.resumeIndex() >= 0
	opts = opts.withResumeNotice()
	sh := &shared{lang: opts.Lang, glyphs: opts.Glyphs, styles: newStyles(opts.Glyphs)}
	p := &plainView{out: out, in: bufio.NewReader(in), lang: opts.Lang, sh: sh, echo: !isTerminal(in), osFamily: opts.OSFamily}
	if f, ok := in.(*os.File); ok && isTerminal(f) {
		p.terminal = f
	}

	p.line(p.t(msgAppTitle))
	if !opts.Notice.Empty() {
		p.line(p.t(opts.Notice))
	}
	if sess.Source.Snapshot {
		p.line(p.t(msgSnapshot.F(machinetext.Escape(sess.Source.File))))
	}
	if !resumed {
		p.line("")
		p.line(p.t(msgWelcomeIntro))
		p.line("")
		if sess.Case == "" {
			sess.Case = p.askCase()
		}
	}
	sess.Lang = opts.Lang

	for i, step := range opts.Steps {
		p.line("")
		p.line(p.t(msgPlainStep.F(i+1, len(opts.Steps), step.Title())))
		p.count, p.numbered, p.items = len(step.Items()), map[string]int{}, map[string]checks.Definition{}
		for _, d := range step.Items() {
			p.items[d.ID] = d
		}
		r := startRun(ctx, step, sess)
		for ev := range r.events {
			p.event(ev)
		}
		r.cancel()
		if ctx.Err() != nil {
			return 130, ctx.Err()
		}
		if p.handedOver {
			return 0, nil
		}
	}

	all := sess.All()
	p.line("")
	p.line(p.t(msgPlainSummary))
	c := counts(all)
	p.line(p.t(msgSummaryCount.F(c[checks.Pass], c[checks.Warn], c[checks.Fail], c[checks.Unknown], c[checks.Skip])))
	m := &Model{opts: opts, sess: sess, sh: sh, caseNo: sess.Case}
	if opts.Now == nil {
		m.opts.Now = timeNow
	}
	if cmd := m.saveIfNew(); cmd != nil {
		if saved, ok := cmd().(reportSavedMsg); ok {
			m.summary.savedPath, m.summary.saveErr = saved.path, saved.err
		}
	}
	if m.summary.code != "" {
		p.line(p.t(msgPlainCode.F(supportcode.Format(m.summary.code))))
	}
	switch {
	case m.summary.saveErr != nil:
		p.line(p.t(msgSaveFailed.F(m.summary.saveErr.Error())))
	case m.summary.savedPath != "":
		p.line(p.t(msgSavedTo) + " " + machinetext.Escape(m.summary.savedPath))
	}
	shown := summaryFor(opts.Steps, sess, sess.Case, opts.UploadURL)
	if shown.logPackage != "" {
		p.line(p.t(msgLogPackageLabel) + " " + machinetext.Escape(shown.logPackage))
	}
	if shown.logMap != "" {
		p.line(p.t(msgLogMapLabel) + " " + machinetext.Escape(shown.logMap))
	}
	if len(all) > 0 {
		p.line(p.t(msgNextTitle))
		for i, step := range shown.next(all) {
			p.line(fmt.Sprintf("%d. %s", i+1, p.t(step)))
		}
	}
	return checks.ExitCode(all), nil
}

func (p *plainView) askCase() string {
	for {
		fmt.Fprint(p.out, p.t(msgPlainCasePrompt))
		typed, ok := p.readLine()
		if !ok {
			return ""
		}
		normal, problem, note := checkCase(typed)
		if !problem.Empty() {
			p.line(p.t(problem))
			continue
		}
		if !note.Empty() {
			p.line(p.t(note))
		} else if normal != "" {
			p.line(p.t(msgCaseAccepted.F(normal)))
		}
		return normal
	}
}

func (p *plainView) event(ev steps.Event) {
	switch e := ev.(type) {
	case steps.Note:
		p.line(p.t(e.Text))
	case steps.ItemDone:
		p.result(e.Result)
	case *steps.Question:
		p.ask(e)
	case steps.Handover:
		p.line(p.t(e.Text))
		p.handedOver = true
	case steps.Finished:
		if e.Err != nil {
			p.line(p.t(msgPlainCancelled.F(e.Err.Error())))
		}
	}
}

// result prints one check: number, symbol and word, name, value; and for
// anything not passing, what was found, what to do, and how to see it.
func (p *plainView) result(r checks.Result) {
	def, ok := checks.Lookup(r.ID)
	if !ok {
		def = p.items[r.ID]
	}
	title := r.ID
	if !def.Title.Empty() {
		title = p.t(def.Title)
	}
	// The number counts the items done: results arrive in the order the
	// facts do, and a result given again (a forced gate) keeps its number.
	num, seen := p.numbered[r.ID]
	if !seen {
		num = len(p.numbered) + 1
		p.numbered[r.ID] = num
	}
	prefix := fmt.Sprintf("[%d/%d]", num, max(p.count, num))
	sep := ": "
	if p.lang == i18n.ZH {
		sep = "："
	}
	p.line(fmt.Sprintf("%s %s %s %s%s%s", prefix, p.sh.glyphs.For(r.Status), p.t(r.Status.Word()), title, sep, observedText(p.sh, r)))
	if r.Status == checks.Pass {
		return
	}
	if !r.Detail.Empty() {
		p.line("    " + p.sh.fit(safeText(r.Detail.In(p.lang))))
	}
	if !r.Hint.Empty() {
		p.line("    " + p.t(msgDetailTodo))
		for _, l := range strings.Split(p.sh.fit(safeText(r.Hint.In(p.lang))), "\n") {
			p.line("      " + l)
		}
	}
	if r.Status != checks.Skip {
		if verify := def.VerifyFor(p.osFamily); len(verify) > 0 {
			p.line("    " + p.t(msgDetailVerify))
			for _, v := range verify {
				p.line("      " + v)
			}
		}
	}
}

// ask prints a question with numbered choices or [y/N], reads the answer,
// asks again while the validator objects, and replies.
func (p *plainView) ask(q *steps.Question) {
	for {
		a, ok := p.readAnswer(q)
		if !ok {
			q.Reply(p.endOfInput(q))
			return
		}
		if q.Validate != nil {
			if problem := q.Validate(a.Text); !problem.Empty() {
				p.line(p.t(problem))
				continue
			}
		}
		q.Reply(a)
		return
	}
}

// endOfInput answers q when nobody can: a yes/no question takes the safe
// "no" whatever its default (nothing is opened, uploaded or activated
// unasked), a typed answer is cancelled (as if the user backed out: the
// step goes on without it), and a choice takes its default.
func (p *plainView) endOfInput(q *steps.Question) steps.Answer {
	switch q.Kind {
	case steps.Confirm:
		p.line(p.t(msgPlainNoInputNo))
		return steps.Answer{Text: "n"}
	case steps.Input, steps.Secret:
		p.line(p.t(msgPlainNoInputAsk))
		return steps.Answer{Cancelled: true}
	}
	p.line(p.t(msgPlainNoInput.F(defaultLabel(q, p.lang))))
	return defaultAnswer(q)
}

func (p *plainView) readAnswer(q *steps.Question) (steps.Answer, bool) {
	p.line(p.t(q.Prompt))
	if !q.Help.Empty() {
		p.line("  " + p.t(q.Help))
	}
	switch q.Kind {
	case steps.Confirm:
		hint := "[y/N] "
		if strings.EqualFold(q.Default, "y") {
			hint = "[Y/n] "
		}
		for {
			fmt.Fprint(p.out, hint)
			s, ok := p.readLine()
			if !ok {
				return steps.Answer{}, false
			}
			switch strings.ToLower(strings.TrimSpace(s)) {
			case "":
				return defaultAnswer(q), true
			case "y", "yes", "是":
				return steps.Answer{Text: "y"}, true
			case "n", "no", "否":
				return steps.Answer{Text: "n"}, true
			}
			p.line(p.t(msgPlainYesNo))
		}
	case steps.Choose, steps.ChooseMany:
		def := 1
		var ticked []string
		for i, c := range q.Choices {
			mark := ""
			if q.Kind == steps.ChooseMany && c.Selected {
				mark = " " + p.t(msgPlainTicked)
				ticked = append(ticked, strconv.Itoa(i+1))
			}
			if c.Value == q.Default {
				def = i + 1
			}
			p.line(fmt.Sprintf("  %d) %s%s", i+1, p.t(c.Label), mark))
		}
		for {
			if q.Kind == steps.Choose {
				fmt.Fprint(p.out, p.t(msgPlainChoose.F(len(q.Choices), def)))
			} else {
				kept := strings.Join(ticked, ",")
				if kept == "" {
					kept = p.t(msgPlainNone)
				}
				fmt.Fprint(p.out, p.t(msgPlainChooseMany.F(kept)))
			}
			s, ok := p.readLine()
			if !ok {
				return steps.Answer{}, false
			}
			if strings.TrimSpace(s) == "" {
				return defaultAnswer(q), true
			}
			nums, valid := parseNumbers(s, len(q.Choices))
			switch {
			case valid && q.Kind == steps.Choose && len(nums) == 1:
				return steps.Answer{Text: q.Choices[nums[0]-1].Value}, true
			case valid && q.Kind == steps.ChooseMany:
				var values []string
				for _, n := range nums {
					values = append(values, q.Choices[n-1].Value)
				}
				return steps.Answer{Values: values, Text: strings.Join(values, ",")}, true
			case q.Kind == steps.Choose:
				p.line(p.t(msgPlainPickOne.F(len(q.Choices))))
			default:
				p.line(p.t(msgPlainPickMany.F(len(q.Choices))))
			}
		}
	}
	fmt.Fprint(p.out, "> ")
	read := p.readLine
	if q.Kind == steps.Secret {
		read = p.readSecret
	}
	s, ok := read()
	if !ok {
		return steps.Answer{}, false
	}
	if s == "" {
		s = q.Default
	}
	return steps.Answer{Text: s}, true
}

// parseNumbers reads "1, 3 4" as choice numbers from 1 to n.
func parseNumbers(s string, n int) ([]int, bool) {
	var out []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '，' || r == '、' }) {
		v, err := strconv.Atoi(strings.TrimSpace(fullWidthToASCII(f)))
		if err != nil || v < 1 || v > n {
			return nil, false
		}
		out = append(out, v)
	}
	return out, len(out) > 0
}

func defaultAnswer(q *steps.Question) steps.Answer {
	switch q.Kind {
	case steps.Confirm:
		if strings.EqualFold(q.Default, "y") {
			return steps.Answer{Text: "y"}
		}
		return steps.Answer{Text: "n"}
	case steps.ChooseMany:
		var values []string
		for _, c := range q.Choices {
			if c.Selected {
				values = append(values, c.Value)
			}
		}
		return steps.Answer{Values: values, Text: strings.Join(values, ",")}
	case steps.Choose:
		if q.Default == "" && len(q.Choices) > 0 {
			return steps.Answer{Text: q.Choices[0].Value}
		}
	}
	return steps.Answer{Text: q.Default}
}

func defaultLabel(q *steps.Question, lang i18n.Lang) string {
	a := defaultAnswer(q)
	switch q.Kind {
	case steps.Confirm:
		if a.Text == "y" {
			return helpYes.In(lang)
		}
		return helpNo.In(lang)
	case steps.ChooseMany:
		var labels []string
		for _, c := range q.Choices {
			if c.Selected {
				labels = append(labels, c.Label.In(lang))
			}
		}
		if len(labels) > 0 {
			return strings.Join(labels, ", ")
		}
	}
	for _, c := range q.Choices {
		if c.Value == a.Text {
			return c.Label.In(lang)
		}
	}
	if a.Text == "" {
		return msgPlainNone.In(lang)
	}
	return a.Text
}
